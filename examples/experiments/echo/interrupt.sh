#!/bin/sh
# Stops the echo server that run.sh started.
[ -f run.pid ] && kill "$(cat run.pid)" 2>/dev/null
exit 0

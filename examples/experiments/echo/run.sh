#!/bin/sh
# The echo service of the experiments: serves HTTP on MY_IP:MY_PORT, answering every GET with
# "instance <MEC_INSTANCE> node <node>" so that a client sees who served it.
# Runs as the generic service's run.sh (ConPaaS hook contract); python3 from the system, since a
# role runs as nobody and cannot enter root's own Python installs.
PATH=/usr/local/bin:/usr/bin:/bin
export PATH
echo $$ > run.pid
echo "echo serving on $MY_IP:$MY_PORT as $MEC_INSTANCE"
exec python3 "$(dirname "$0")/echo.py"

#!/bin/sh
# A test role: serves the active code version's files over HTTP through the "current" symlink,
# which switch.sh flips without restarting the server.
ln -sfn "$MEC_CODE_DIR" current.tmp && mv -T current.tmp current
echo "$$" > start.pid
env | grep '^MEC_\|^MY_' | sort > start-env.txt
echo "serving version $MEC_CODE_VERSION"
exec python3 -m http.server "$MY_PORT" --bind 127.0.0.1 --directory current

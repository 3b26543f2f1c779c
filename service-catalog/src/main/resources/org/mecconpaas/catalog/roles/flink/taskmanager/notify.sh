#!/bin/bash
# After a membership change: when the jobmanager moved (another address or port than the one the
# running taskmanager uses), tells start.sh (SIGHUP) to restart the taskmanager against it.
set -u
# shellcheck source=flink-lib.sh
. "$(dirname "$0")/flink-lib.sh"
address=$(member_address jobmanager) || exit 0 # none now: the taskmanager keeps retrying
current=$(cat "$STATE_DIR/jobmanager" 2>/dev/null) || exit 0 # start.sh reads agents.json itself
[ "$address" = "$current" ] && exit 0
pid=$(cat "$STATE_DIR/start.pid" 2>/dev/null) || exit 0
grep -q 'start\.sh' "/proc/$pid/cmdline" 2>/dev/null || exit 0 # not running (any more)
log "the jobmanager moved from ${current/ /:} to ${address/ /:}"
kill -HUP "$pid"

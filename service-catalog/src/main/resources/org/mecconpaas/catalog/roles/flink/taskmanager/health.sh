#!/bin/bash
# Healthy when the taskmanager's JVM runs and the jobmanager lists it (resource id = instance id)
# among its registered taskmanagers: only then are its slots usable.
set -u
# shellcheck source=flink-lib.sh
. "$(dirname "$0")/flink-lib.sh"
pid=$(cat "$STATE_DIR/jvm.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null || exit 1
read -r ip port <"$STATE_DIR/jobmanager" 2>/dev/null || exit 1
http_get "$ip" "$port" /taskmanagers | grep -qF "\"id\":\"$MEC_INSTANCE\""

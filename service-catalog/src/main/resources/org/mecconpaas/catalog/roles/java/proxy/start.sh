#!/bin/bash
# proxy: HAProxy in master-worker mode on MY_IP:MY_PORT (statistics on MY_PORT+1), as nobody when
# run as root. exec: this process becomes the HAProxy master, which notify.sh reloads with SIGUSR2
# and SIGTERM to the group stops at once.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_IP:?}" "${MY_PORT:?}"

mec_prepare_state
mec_writable_dirs "$STATE/run"
exec 9>"$STATE/run/haproxy.lock"
flock 9
status=0
"$ROLE_DIR/haproxy-config.sh" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || mec_fail "no valid HAProxy configuration"
echo $$ >"$STATE/run/haproxy-master.pid"
exec 9>&-

mec_log "HAProxy on $MY_IP:$MY_PORT, statistics on $MY_IP:$((MY_PORT + 1))/stats"
exec "${AS_DAEMON[@]}" haproxy -W -db -f "$STATE/conf/haproxy.cfg"

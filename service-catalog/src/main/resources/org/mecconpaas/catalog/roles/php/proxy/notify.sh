#!/bin/bash
# proxy: the service's instances changed. Rewrites the configuration from agents.json and, when it
# changed, reloads HAProxy gracefully (SIGUSR2 to the master: a new worker takes over the listening
# sockets, the old one finishes its requests). Waits until the statistics show the new servers.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_IP:?}" "${MY_PORT:?}"

mec_writable_dirs "$STATE/run"
exec 9>"$STATE/run/haproxy.lock"
flock 9
status=0
"$ROLE_DIR/haproxy-config.sh" || status=$?
case $status in
  0) ;;
  3) mec_log "instances unchanged"; exit 0 ;;
  *) exit 1 ;;
esac

master=$(cat "$STATE/run/haproxy-master.pid" 2>/dev/null || true)
if [ -z "$master" ] || [ "$(cat "/proc/$master/comm" 2>/dev/null)" != haproxy ]; then
  mec_log "HAProxy is not running: start.sh will use the new configuration"
  exit 0
fi
# a master that has just started handles SIGUSR2 once its worker serves
deadline=$((SECONDS + 15))
until [[ $(mec_http_status "$MY_IP" "$MY_PORT" /.mec/health) =~ ^HTTP/1\.[01]\ 200 ]]; do
  [ "$SECONDS" -lt "$deadline" ] || mec_fail "HAProxy does not answer on $MY_IP:$MY_PORT"
  sleep 0.2
done
kill -USR2 "$master"

# the servers the statistics should list, as "pool,server" lines
expected=$(for pool in web backend; do
  mec_members "$pool" | while read -r id _; do echo "$pool,$id"; done
done | sort)
deadline=$((SECONDS + 15))
while :; do
  listed=$(mec_http_body "$MY_IP" $((MY_PORT + 1)) '/stats;csv' |
    awk -F, '($1 == "web" || $1 == "backend") && $2 != "BACKEND" { print $1 "," $2 }' | sort)
  if [ "$listed" = "$expected" ]; then
    mec_log "reloaded: $(echo "$expected" | grep -c , || true) servers"
    exit 0
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    mec_fail "HAProxy did not take the new configuration within 15 s"
  fi
  sleep 0.2
done

#!/bin/bash
# Writes MEC_STATE_DIR/conf/haproxy.cfg for the instances in agents.json, once HAProxy accepts it.
# Exit 0: changed, 3: unchanged, other: refused (the old file stays). Callers hold the lock.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_IP:?}" "${MY_PORT:?}"

servers() {
  local id ip port
  while read -r id ip port; do
    echo "  server $id $ip:$port cookie $id"
  done < <(mec_members "$1")
}

# connections: about 40 KiB each (two buffers and the rest), within the open file limit
memory=${MEC_MEMORY_MIB:-0}
if [ "$memory" -gt 0 ]; then
  MAXCONN=$(((memory - 16) * 1024 / 40))
else
  MAXCONN=4000
fi
files=$(ulimit -n)
if [ "$files" != unlimited ] && [ "$MAXCONN" -gt $(((files - 100) / 2)) ]; then
  MAXCONN=$(((files - 100) / 2))
fi
MAXCONN=$((MAXCONN < 100 ? 100 : MAXCONN > 20000 ? 20000 : MAXCONN))
cpus=$(mec_cpus)
NBTHREAD=$([ "$cpus" -gt 0 ] && echo "nbthread $((cpus > 4 ? 4 : cpus))" || echo "# nbthread: all CPUs")
limit=${MEC_SETTING_MAX_EXECUTION_TIME-}
SERVER_TIMEOUT=60
if [[ $limit =~ ^[0-9]+$ ]] && [ "$limit" -gt 40 ]; then
  SERVER_TIMEOUT=$((limit + 20))
fi
STATS_PORT=$((MY_PORT + 1))
CLI_PORT=$((MY_PORT + 2))
SERVERS_WEB=$(servers web)
SERVERS_BACKEND=$(servers backend)
export MY_IP MY_PORT STATS_PORT CLI_PORT MAXCONN NBTHREAD SERVER_TIMEOUT SERVERS_WEB SERVERS_BACKEND

mkdir -p "$STATE/conf"
config=$STATE/conf/haproxy.cfg
mec_render <(cat "$ROLE_DIR/haproxy.cfg.tmpl" "$ROLE_DIR/routes.cfg.tmpl") "$config.new"
if [ -f "$config" ] && cmp -s "$config" "$config.new"; then
  rm -f "$config.new"
  exit 3
fi
if ! check=$(haproxy -c -f "$config.new" 2>&1); then
  mec_log "HAProxy refuses the new configuration (kept the old one):"
  grep -F '[ALERT]' <<<"$check" >&2 || echo "$check" >&2
  exit 1
fi
mv -f "$config.new" "$config"

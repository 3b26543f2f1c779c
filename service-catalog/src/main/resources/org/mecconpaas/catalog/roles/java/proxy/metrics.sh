#!/bin/bash
# proxy: what clients got from this HAProxy over the last 10 s, one JSON object for the platform's
# charts and autoscaler (docs/role-runners.md):
#   requestsPerSecond  requests the proxy logged (answered with any status, or aborted)
#   errorsPerSecond    those answered with a 5xx (503 when no instance is up included)
#   p50Millis          response times of the answered ones, nearest rank: %Ta, from the first byte
#   p95Millis          of the request to the last byte of the response (no idle keep-alive time)
#   backendsUp         servers of all pools that pass their checks
# The requests come from the worker's ring (haproxy.cfg.tmpl), read over its CLI on
# 127.0.0.1:MY_PORT+2 with bash's /dev/tcp; percentiles need every request's time, which HAProxy
# 2.6's statistics do not keep. Prints {} while the worker has logged no request (and when HAProxy
# does not answer within 2 s), percentiles only with requests in the window.
set -uo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_PORT:?}"
export LC_ALL=C
WINDOW_MILLIS=10000
CLI_PORT=$((MY_PORT + 2))

# One line of CLI commands; HAProxy answers each, followed by an empty line, then closes.
mec_haproxy_cli() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "%s\n" "$1" >&3
    cat <&3
  ' "$CLI_PORT" "$1" 2>/dev/null
}

# the ring's size, to tell a ring that has wrapped within the window
ring_size=$(awk '
  $1 == "ring" { inside = ($2 == "requests"); next }
  /^[^ \t#]/ { inside = 0 }
  inside && $1 == "size" && $2 ~ /^[0-9]+$/ { print $2; exit }
' "$STATE/conf/haproxy.cfg" 2>/dev/null)

hz=$(getconf CLK_TCK 2>/dev/null) || hz=100
now=$(date +%s%3N)
# first a summary line "requests errors answered span up servers" (or "none"), then the response
# times of the requests answered in the window
mec_haproxy_cli "show info;show stat -1 4 -1;show events requests" | awk \
  -v now="$now" -v window="$WINDOW_MILLIS" -v ring="${ring_size:-0}" -v hz="${hz:-100}" '
  BEGIN { servers = -1 }
  /^$/ { section++; next }
  section == 0 && $1 == "Pid:" && $2 ~ /^[0-9]+$/ { pid = $2 }
  section == 0 && $1 == "Start_time_sec:" && $2 ~ /^[0-9]+$/ { started = $2 * 1000 }
  section == 1 && substr($0, 1, 2) == "# " {
    n = split(substr($0, 3), names, ",")
    for (i = 1; i <= n; i++) column[names[i]] = i
    servers = 0
    next
  }
  section == 1 && servers >= 0 && ("status" in column) {
    split($0, f, ",")
    if (f[column["svname"]] == "FRONTEND" || f[column["svname"]] == "BACKEND") next
    servers++
    if (f[column["status"]] ~ /^(UP|no check)/) up++
  }
  section == 2 {
    # what the ring holds: each message after its length and reader count (a byte each)
    used += length($0) + 2
    # "<epoch ms> <Ta> <status> <more, maybe cut>"; anything else (HAProxy notices) is skipped
    if (NF >= 4 && $1 ~ /^[0-9]+$/ && length($1) >= 12 && $2 ~ /^[0-9]+$/ && $3 ~ /^-?[0-9]+$/) {
      logged++
      ts[logged] = $1 + 0; ta[logged] = $2 + 0; st[logged] = $3 + 0
      if (logged == 1 || ts[logged] < oldest) oldest = ts[logged]
      if (ts[logged] > newest) newest = ts[logged]
    }
  }
  END {
    # nothing logged yet, or a dump cut short (it ends with an empty line)
    if (logged == 0 || section < 3) { print "none"; exit }
    end = now > newest ? now : newest
    # when the worker started, to 10 ms from /proc (show info has the second only)
    if (pid != "" && (getline stat < ("/proc/" pid "/stat")) > 0 && (getline uptime < "/proc/uptime") > 0) {
      sub(/^.*\) /, "", stat)
      split(stat, f, " ")
      split(uptime, u, " ")
      if (f[20] ~ /^[0-9]+$/ && hz > 0 && u[1] * 1000 >= f[20] * 1000 / hz) {
        started = now - (u[1] * 1000 - f[20] * 1000 / hz)
      }
    }
    from = end - window
    # a worker younger than the window (started or reloaded since) has seen only its own part
    if (started > from) from = started
    # a full ring (traffic beyond its size) holds less than the window: count over what it holds
    if (ring > 0 && used + 128 >= ring && oldest > from) from = oldest
    span = end - from
    if (span < 500) span = 500
    for (i = 1; i <= logged; i++) {
      if (ts[i] <= end - window) continue
      requests++
      if (st[i] >= 500 && st[i] <= 599) errors++
      if (st[i] > 0) times[++answered] = ta[i]
    }
    printf "%d %d %d %d %d %d\n", requests, errors, answered, span, up, servers
    for (i = 1; i <= answered; i++) print times[i]
  }' | {
  read -r summary || summary=none
  if ! [[ $summary =~ ^[0-9]+\ [0-9]+\ [0-9]+\ [0-9]+\ [0-9]+\ -?[0-9]+$ ]]; then
    echo '{}'
    exit 0
  fi
  read -r requests errors answered span up servers <<<"$summary"
  sort -n | awk -v requests="$requests" -v errors="$errors" -v answered="$answered" \
    -v span="$span" -v up="$up" -v servers="$servers" '
    function rank(p,   r) { r = p * answered; return r > int(r) ? int(r) + 1 : int(r) }
    function rate(count,   s) {
      s = sprintf("%.2f", count * 1000 / span)
      sub(/\.?0+$/, "", s)
      return s == "" ? "0" : s
    }
    BEGIN { r50 = rank(0.5); r95 = rank(0.95) }
    NR == r50 { p50 = $1 }
    NR == r95 { p95 = $1 }
    END {
      printf "{\"requestsPerSecond\": %s, \"errorsPerSecond\": %s", rate(requests), rate(errors)
      if (answered > 0 && NR >= answered) printf ", \"p50Millis\": %d, \"p95Millis\": %d", p50, p95
      if (servers >= 0) printf ", \"backendsUp\": %d", up
      print "}"
    }'
}
exit 0

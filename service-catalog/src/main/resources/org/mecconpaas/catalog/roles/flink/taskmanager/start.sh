#!/bin/bash
# Runs a Flink taskmanager in the foreground, registered at the service's jobmanager (found in
# agents.json). Ports: MY_PORT RPC, +1 data exchange, +2 metric queries, +3 collect sink.
# notify.sh sends SIGHUP when the jobmanager moved: the taskmanager then restarts against it.
set -u
here=$(dirname "$0")
# shellcheck source=flink-lib.sh
. "$here/flink-lib.sh"

# Waits until agents.json names a jobmanager whose REST API answers, and sets JM_IP and JM_PORT.
# Starting earlier costs more: a taskmanager whose first registration fails backs off for 10 s.
wait_for_jobmanager() {
  local address problem said=-30
  while :; do
    if address=$(member_address jobmanager); then
      read -r JM_IP JM_PORT <<<"$address"
      http_get "$JM_IP" "$JM_PORT" /config >/dev/null && return 0
      problem="the jobmanager at $JM_IP:$JM_PORT does not answer yet"
    else
      problem="no jobmanager with an address and port in agents.json yet"
    fi
    if [ $((SECONDS - said)) -ge 30 ]; then
      log "waiting: $problem"
      said=$SECONDS
    fi
    sleep 0.5
  done
}

prepare_dirs
rm -f "$STATE_DIR/jvm.pid" "$STATE_DIR/jobmanager"
echo $$ >"$STATE_DIR/start.pid"
# shellcheck disable=SC2034 # the template's values, read by write_config
DATA_PORT=$((MY_PORT + 1)) QUERY_PORT=$((MY_PORT + 2)) COLLECT_PORT=$((MY_PORT + 3))
PROCESS_MIB=$(process_size_mib 640 768)
# a slot per CPU, but at least 384 MiB of process per slot
SLOTS=$(cpu_count)
[ "$SLOTS" -gt $((PROCESS_MIB / 384)) ] && SLOTS=$((PROCESS_MIB / 384))
[ "$SLOTS" -ge 1 ] || SLOTS=1

# the jobmanager's address is not in config.yaml: sized once, the JVM starts as soon as it answers
write_config "$here/config.yaml.in"
resource_params TM

restart=0
trap 'restart=1' HUP
trap 'stop_jvm; exit 143' TERM INT

while :; do
  restart=0
  wait_for_jobmanager
  echo "$JM_IP $JM_PORT" >"$STATE_DIR/jobmanager"
  log "starting: jobmanager $JM_IP:$JM_PORT, RPC $MY_IP:$MY_PORT, $SLOTS slots," \
    "process $PROCESS_MIB MiB"
  start_jvm org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    -D "jobmanager.rpc.address=$JM_IP" -D "jobmanager.rpc.port=$((JM_PORT + 1))"
  # a notify.sh that ran before the file above was written did not signal: look again
  [ "$(member_address jobmanager)" = "$JM_IP $JM_PORT" ] || restart=1
  status=0
  while [ "$restart" = 0 ]; do
    wait "$JVM_PID"
    status=$?
    kill -0 "$JVM_PID" 2>/dev/null || break # the JVM ended (else a signal woke the wait)
  done
  if [ "$restart" = 1 ]; then
    log "the jobmanager moved: restarting the taskmanager"
    stop_jvm
    rm -f "$STATE_DIR/jvm.pid" "$STATE_DIR/jobmanager"
    continue
  fi
  log "the taskmanager exited ($status)"
  exit "$status"
done

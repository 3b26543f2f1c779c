#!/bin/bash
# Runs a Flink session cluster's jobmanager (dispatcher, resource manager, REST API and dashboard)
# in the foreground. Ports: MY_PORT REST, +1 RPC, +2 blob server, +3 metric queries.
set -u
# shellcheck source=flink-lib.sh
. "$(dirname "$0")/flink-lib.sh"

prepare_dirs
# shellcheck disable=SC2034 # the template's values, read by write_config
RPC_PORT=$((MY_PORT + 1)) BLOB_PORT=$((MY_PORT + 2)) QUERY_PORT=$((MY_PORT + 3))
PROCESS_MIB=$(process_size_mib 448 768)
write_config "$(dirname "$0")/config.yaml.in"
resource_params JM

trap 'stop_jvm; exit 143' TERM INT
log "starting: REST http://$MY_IP:$MY_PORT, RPC $RPC_PORT, process ${PROCESS_MIB} MiB"
start_jvm org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
wait "$JVM_PID"
status=$?
while kill -0 "$JVM_PID" 2>/dev/null; do # wait returned for a signal, not the JVM's end
  wait "$JVM_PID"
  status=$?
done
log "the jobmanager exited ($status)"
exit "$status"

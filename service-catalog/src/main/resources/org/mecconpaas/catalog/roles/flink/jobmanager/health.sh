#!/bin/bash
# Healthy when the REST API answers /overview (the dispatcher and the web endpoint are up).
set -u
# shellcheck source=flink-lib.sh
. "$(dirname "$0")/flink-lib.sh"
http_get "$MY_IP" "$MY_PORT" /overview >/dev/null

#!/bin/bash
# proxy: healthy when HAProxy answers its monitor URI on MY_IP:MY_PORT (whatever the instances
# behind it do).
set -uo pipefail
source "$MEC_ROLE_DIR/lib.sh"
[[ $(mec_http_status "$MY_IP" "$MY_PORT" /.mec/health) =~ ^HTTP/1\.[01]\ 200 ]]

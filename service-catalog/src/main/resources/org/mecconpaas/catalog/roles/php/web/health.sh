#!/bin/bash
# php/web: healthy when nginx answers its health location on MY_IP:MY_PORT.
set -uo pipefail
source "$MEC_ROLE_DIR/lib.sh"
[[ $(mec_http_status "$MY_IP" "$MY_PORT" /.mec/health) =~ ^HTTP/1\.[01]\ 200 ]]

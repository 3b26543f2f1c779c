#!/bin/bash
# php/backend: healthy when php-fpm answers its ping through nginx on MY_IP:MY_PORT.
set -uo pipefail
source "$MEC_ROLE_DIR/lib.sh"
[[ $(mec_http_status "$MY_IP" "$MY_PORT" /.mec/ping) =~ ^HTTP/1\.[01]\ 200 ]]

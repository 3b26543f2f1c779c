#!/bin/bash
# java/web: healthy when Jetty answers / on MY_IP:MY_PORT without a server error (the
# application's root may well be a 404 or a redirect).
set -uo pipefail
source "$MEC_ROLE_DIR/lib.sh"
[[ $(mec_http_status "$MY_IP" "$MY_PORT" /) =~ ^HTTP/1\.[01]\ [1-4][0-9][0-9] ]]

#!/bin/bash
# php/web: nginx serving the static files of the code version on MY_IP:MY_PORT (as nobody when
# run as root). exec: SIGTERM to the group reaches nginx, which stops at once.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_IP:?}" "${MY_PORT:?}" "${MEC_CODE_DIR:?}"

mec_prepare_state
mec_check_readable "$MEC_CODE_DIR"
mec_writable_dirs "$STATE/run" "$STATE/tmp"
mkdir -p "$STATE/conf"
mec_flip_current "$MEC_CODE_DIR"

cpus=$(mec_cpus)
NGINX_WORKERS=$((cpus == 0 ? 2 : cpus > 4 ? 4 : cpus))
export STATE MY_IP MY_PORT NGINX_WORKERS
mec_render "$ROLE_DIR/nginx.conf.tmpl" "$STATE/conf/nginx.conf"

mec_log "nginx on $MY_IP:$MY_PORT, $NGINX_WORKERS workers, version ${MEC_CODE_VERSION:-?}"
exec "${AS_DAEMON[@]}" nginx -e stderr -p "$STATE/" -c "$STATE/conf/nginx.conf"

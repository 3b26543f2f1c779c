#!/bin/bash
# php/backend: serves the new MEC_CODE_DIR. nginx resolves the root link per request and hands
# php-fpm the real path, so one rename switches every new request; requests in flight finish on
# the old version, and opcache keeps the versions apart by path. Nothing is reloaded.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MEC_CODE_DIR:?}"
mec_check_readable "$MEC_CODE_DIR"
mec_flip_current "$MEC_CODE_DIR"
mec_log "serving version ${MEC_CODE_VERSION:-?} from $MEC_CODE_DIR"

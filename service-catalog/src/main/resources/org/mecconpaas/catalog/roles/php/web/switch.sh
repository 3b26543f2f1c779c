#!/bin/bash
# php/web: serves the new MEC_CODE_DIR. nginx resolves the root link per request: one rename
# switches it, requests in flight finish on the files they opened.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MEC_CODE_DIR:?}"
mec_check_readable "$MEC_CODE_DIR"
mec_flip_current "$MEC_CODE_DIR"
mec_log "serving version ${MEC_CODE_VERSION:-?} from $MEC_CODE_DIR"

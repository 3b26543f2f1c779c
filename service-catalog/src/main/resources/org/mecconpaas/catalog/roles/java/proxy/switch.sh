#!/bin/bash
# proxy: the code is not the proxy's business; a new version changes nothing here (without this
# script the agent would restart HAProxy and drop connections).
source "$MEC_ROLE_DIR/lib.sh"
mec_log "version ${MEC_CODE_VERSION:-?}: nothing to do"

#!/bin/bash
# java/web: deploys the new MEC_CODE_DIR in the running Jetty. The root context's descriptor is
# rewritten; Jetty's scanner (1 s) redeploys atomically: the new context starts beside the old
# one, replaces it, then the old one stops. Requests are not dropped. The old deployment's
# temporary directory disappears when it has stopped: that is when this script is done. A version
# that fails to start is not deployed (the old one keeps serving) and this script fails.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
source "$MEC_ROLE_DIR/jetty.sh"
: "${MEC_CODE_DIR:?}"

mec_check_readable "$MEC_CODE_DIR"
war=$(jetty_war "$MEC_CODE_DIR")
old=$(cat "$JETTY_ACTIVE" 2>/dev/null || true)
new=$(jetty_deploy "$war")
timeout=120
deadline=$((SECONDS + timeout))
while [ -n "$old" ] && [ -e "$old" ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    mec_fail "Jetty did not deploy version ${MEC_CODE_VERSION:-?} within $timeout s (its log says why); the previous version still serves"
  fi
  sleep 0.2
done
echo "$new" >"$JETTY_ACTIVE"
mec_log "serving version ${MEC_CODE_VERSION:-?} from $war"

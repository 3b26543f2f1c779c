#!/bin/bash
# php/backend: accepts a code version only if every PHP file parses (php/web checks the same, so
# that the static files and the PHP code of a version go live together or not at all).
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MEC_CODE_DIR:?}"
mec_check_readable "$MEC_CODE_DIR"
exec "$ROLE_DIR/php-lint.sh" "$MEC_CODE_DIR"

#!/bin/bash
# php/web: accepts a code version only if every PHP file parses, as php/backend does, so that the
# static files and the PHP code of a version go live together or not at all.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MEC_CODE_DIR:?}"
mec_check_readable "$MEC_CODE_DIR"
exec "$ROLE_DIR/php-lint.sh" "$MEC_CODE_DIR"

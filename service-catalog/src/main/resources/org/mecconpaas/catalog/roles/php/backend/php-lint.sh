#!/bin/bash
# Usage: php-lint.sh DIR. Runs `php -l` on every .php file below DIR (in parallel, one process per
# file as PHP 8.2 lints only its first argument). Exit 1 with each syntax error (file relative to
# DIR, and line) on stderr. The same file is in php/web and php/backend.
set -euo pipefail
dir=${1:?usage: php-lint.sh DIR}
if ! command -v php >/dev/null; then
  echo "php-lint: no php command here, $dir not checked" >&2
  exit 0
fi
cd "$dir"
files=$(find . -type f -name '*.php' | wc -l)
status=0
find . -type f -name '*.php' -print0 |
  xargs -0 -r -n 1 -P "$(nproc 2>/dev/null || echo 1)" \
    sh -c 'php -n -d display_errors=stderr -d log_errors=0 -l "$1" >/dev/null || exit 1' php-lint ||
  status=$?
if [ "$status" -ne 0 ]; then
  echo "php-lint: syntax errors in the PHP files of $dir (see above)" >&2
  exit 1
fi
echo "php-lint: $files PHP files without syntax errors"

#!/bin/bash
# php/backend: php-fpm (on MY_IP:MY_PORT+1, for nginx only) behind its own nginx on MY_IP:MY_PORT, both
# as nobody when run as root. Stays in the foreground; SIGTERM stops both at once. If one of them
# dies the other is stopped too and start.sh fails, so that the agent restarts the pair.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
: "${MY_IP:?}" "${MY_PORT:?}" "${MEC_CODE_DIR:?}" "${MEC_INSTANCE:?}"

FPM=$(command -v php-fpm8.2 || command -v php-fpm) || mec_fail "php-fpm is not installed"

mec_prepare_state
mec_check_readable "$MEC_CODE_DIR"
mec_writable_dirs "$STATE/run" "$STATE/tmp" "$STATE/sessions"
chmod 0700 "$STATE/sessions"
mkdir -p "$STATE/conf"
FPM_PORT=$((MY_PORT + 1))
mec_flip_current "$MEC_CODE_DIR"

# children: about 32 MiB each beside nginx and the php-fpm master; 2 per CPU without a limit
memory=${MEC_MEMORY_MIB:-0}
cpus=$(mec_cpus)
if [ "$memory" -gt 0 ]; then
  FPM_CHILDREN=$(((memory - 32) / 32))
else
  FPM_CHILDREN=$((cpus > 0 ? 2 * cpus : 2))
fi
FPM_CHILDREN=$((FPM_CHILDREN < 1 ? 1 : FPM_CHILDREN > 32 ? 32 : FPM_CHILDREN))

# the service's PHP settings (validated by the master; refused here too unless plainly safe)
PHP_SETTINGS=""
for pair in memory_limit:MEC_SETTING_MEMORY_LIMIT upload_max_filesize:MEC_SETTING_UPLOAD_MAX_FILESIZE \
  max_execution_time:MEC_SETTING_MAX_EXECUTION_TIME display_errors:MEC_SETTING_DISPLAY_ERRORS; do
  name=${pair%%:*} variable=${pair#*:}
  value=${!variable-}
  [ -n "$value" ] || continue
  [[ $value =~ ^[A-Za-z0-9._+-]{1,32}$ ]] || mec_fail "$variable: unsupported value"
  # shellcheck disable=SC2089 # the quotes are for php-fpm's configuration
  PHP_SETTINGS+="php_admin_value[$name] = \"$value\""$'\n'
done

# request bodies: the upload size plus 1 MiB for the rest of the form (PHP's 8M by default)
BODY_LIMIT=8388608
if [[ ${MEC_SETTING_UPLOAD_MAX_FILESIZE-} =~ ^([0-9]+)([kKmMgG]?)$ ]]; then
  size=${BASH_REMATCH[1]}
  case ${BASH_REMATCH[2]} in
    k | K) size=$((size * 1024)) ;;
    m | M) size=$((size * 1048576)) ;;
    g | G) size=$((size * 1073741824)) ;;
  esac
  BODY_LIMIT=$((size + 1048576))
fi
# php-fpm ends a request 10 s after PHP's own limit would have; nginx waits a little longer
limit=${MEC_SETTING_MAX_EXECUTION_TIME-}
if [[ $limit =~ ^[0-9]+$ ]] && [ "$limit" -gt 0 ]; then
  FPM_TERMINATE_TIMEOUT=$((limit + 10))
  FASTCGI_TIMEOUT=$((limit + 15 > 60 ? limit + 15 : 60))
else
  FPM_TERMINATE_TIMEOUT=0
  FASTCGI_TIMEOUT=300
fi

# shellcheck disable=SC2090
export STATE MY_IP MY_PORT FPM_PORT MEC_INSTANCE FPM_CHILDREN PHP_SETTINGS BODY_LIMIT FPM_TERMINATE_TIMEOUT \
  FASTCGI_TIMEOUT
mec_render "$ROLE_DIR/php-fpm.conf.tmpl" "$STATE/conf/php-fpm.conf"
mec_render "$ROLE_DIR/nginx.conf.tmpl" "$STATE/conf/nginx.conf"
check=$("${AS_DAEMON[@]}" "$FPM" --test --fpm-config "$STATE/conf/php-fpm.conf" 2>&1) ||
  mec_fail "php-fpm refuses its configuration: $check"

mec_log "php-fpm ($FPM_CHILDREN children) and nginx on $MY_IP:$MY_PORT, version ${MEC_CODE_VERSION:-?}"
"${AS_CHILD[@]}" "$FPM" --nodaemonize --force-stderr --fpm-config "$STATE/conf/php-fpm.conf" &
fpm=$!
"${AS_CHILD[@]}" nginx -e stderr -p "$STATE/" -c "$STATE/conf/nginx.conf" &
web=$!

stop() {
  kill -TERM "$fpm" "$web" 2>/dev/null || true
  wait
}
trap 'stop; exit 0' TERM INT
status=0
wait -n "$fpm" "$web" || status=$?
mec_log "php-fpm or nginx exited (status $status), stopping the other"
stop
exit 1

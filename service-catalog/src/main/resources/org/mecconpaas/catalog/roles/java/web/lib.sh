# shellcheck shell=bash disable=SC2034 # variables for the scripts that source this
# Shared by the role scripts of the php and java services (sourced, never run). The same file is in
# every one of those role directories, as a role only gets its own directory; PhpRolesTest keeps
# the copies identical.

STATE=${MEC_STATE_DIR:?MEC_STATE_DIR is not set}
ROLE_DIR=${MEC_ROLE_DIR:?MEC_ROLE_DIR is not set}
NOBODY=65534
# nginx, php-fpm and haproxy live in /usr/sbin, which a non-root PATH may lack
PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin

mec_log() {
  echo "${MEC_INSTANCE:-$MY_ROLE}: $*" >&2
}

mec_fail() {
  mec_log "$*"
  exit 1
}

mec_is_root() {
  [ "$(id -u)" = 0 ]
}

# The command prefix that runs a daemon: as nobody when the scripts run as root, as is otherwise.
# AS_CHILD is for daemons start.sh runs in the background: they also get SIGTERM when start.sh
# dies, as some (php-fpm) leave the process group the agent signals.
if mec_is_root; then
  AS_DAEMON=(setpriv --reuid="$NOBODY" --regid="$NOBODY" --clear-groups --)
  AS_CHILD=(setpriv --pdeathsig TERM --reuid="$NOBODY" --regid="$NOBODY" --clear-groups --)
else
  AS_DAEMON=()
  AS_CHILD=(setpriv --pdeathsig TERM --)
fi

# Directories the daemons write: created, and handed to nobody when running as root.
mec_writable_dirs() {
  mkdir -p "$@"
  if mec_is_root; then
    chown "$NOBODY:$NOBODY" "$@"
  fi
}

# Fails unless the daemons' user can read the directory (its parents must be searchable too).
mec_check_readable() {
  local dir=$1
  [ -d "$dir" ] || mec_fail "$dir is not a directory"
  if mec_is_root && ! "${AS_DAEMON[@]}" test -r "$dir" -a -x "$dir"; then
    mec_fail "$dir is not readable by nobody (uid $NOBODY): its parent directories need o+x"
  fi
}

# The state directory: nobody must reach its subdirectories (not list it).
mec_prepare_state() {
  if mec_is_root; then
    chmod o+x "$STATE"
    "${AS_DAEMON[@]}" test -x "$STATE" ||
      mec_fail "$STATE is out of reach of nobody (uid $NOBODY): its parent directories need o+x"
  fi
}

# Renders a template: every @NAME@ becomes the value of the environment variable NAME (literally,
# no escaping games); the output replaces OUT atomically.
mec_render() {
  local template=$1 out=$2
  awk '{
    line = $0; result = ""
    while (match(line, /@[A-Z][A-Z0-9_]*@/)) {
      name = substr(line, RSTART + 1, RLENGTH - 2)
      if (!(name in ENVIRON)) { print "template " FILENAME ": @" name "@ is not set" > "/dev/stderr"; exit 2 }
      result = result substr(line, 1, RSTART - 1) ENVIRON[name]
      line = substr(line, RSTART + RLENGTH)
    }
    print result line
  }' "$template" >"$out.tmp" || { rm -f "$out.tmp"; mec_fail "cannot render $template"; }
  mv -f "$out.tmp" "$out"
}

# CPUs the container may use, rounded up (0: no limit).
mec_cpus() {
  local millis=${MEC_CPU_MILLIS:-0}
  echo $(((millis + 999) / 1000))
}

# The response to an HTTP/1.0 GET, without carriage returns, within 3 s (bash's /dev/tcp: the
# containers have no curl).
mec_http_get() {
  local host=$1 port=$2 path=$3
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s\r\nUser-Agent: mec-role\r\n\r\n" "$2" "$0" >&3
    cat <&3
  ' "$host" "$port" "$path" 2>/dev/null | tr -d '\r'
}

mec_http_status() {
  mec_http_get "$@" | head -n 1
}

mec_http_body() {
  mec_http_get "$@" | sed '1,/^$/d'
}

# Points STATE/current at a code directory in one rename: a request sees the old or the new tree.
mec_flip_current() {
  local target=$1
  ln -sfn "$target" "$STATE/current.next"
  mv -T "$STATE/current.next" "$STATE/current"
}

# Lines "id ip port" of agents.json's instances of one role. The agent writes a flat array of flat
# objects with plain string and number values; anything else is skipped with a warning.
mec_members() {
  local role=$1 file="$STATE/agents.json"
  [ -f "$file" ] || return 0
  tr -d '\n\r' <"$file" | awk -v want="$role" '
    function field(obj, key,   re, v) {
      re = "\"" key "\"[ \t]*:[ \t]*(\"[^\"]*\"|[0-9]+)"
      if (!match(obj, re)) return ""
      v = substr(obj, RSTART, RLENGTH); sub(/^"[^"]*"[ \t]*:[ \t]*/, "", v); gsub(/"/, "", v)
      return v
    }
    {
      n = split($0, parts, "}")
      for (i = 1; i <= n; i++) {
        obj = parts[i]
        if (obj !~ /"id"/) continue
        id = field(obj, "id"); r = field(obj, "role"); ip = field(obj, "ip"); port = field(obj, "port")
        if (r != want) continue
        if (id !~ /^[A-Za-z0-9._-]+$/ || ip !~ /^[0-9A-Fa-f.:]+$/ || port !~ /^[0-9]+$/) {
          print "agents.json: skipping malformed entry " obj "}" > "/dev/stderr"; continue
        }
        print id, ip, port
      }
    }'
}

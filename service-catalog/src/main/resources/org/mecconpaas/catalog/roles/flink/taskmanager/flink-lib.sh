# shellcheck shell=bash
# Shared by the scripts of both Flink roles; jobmanager/ and taskmanager/ hold identical copies
# (a role's directory is all an instance gets). Sourced by bash scripts; see ../README.md.
#
# Only bash and coreutils are assumed (an LXC container has no curl, jq or python): HTTP goes
# through bash's /dev/tcp, agents.json is read with bash regexes.

umask 022
shopt -u patsub_replacement 2>/dev/null # "&" in a substituted value stays "&"
STATE_DIR="${MEC_STATE_DIR:-$PWD}"
CONF_DIR="$STATE_DIR/conf"  # written by the scripts, read by the JVM
RUN_DIR="$STATE_DIR/flink"  # the only directory the JVM writes: temp files, blobs, uploads
FLINK_LIB="${MEC_MIDDLEWARE:-/opt/mec/middleware}/flink/lib"
JAVA="${MEC_JAVA:-java}"

log() { echo "$(date +%H:%M:%S) flink-${MY_ROLE:-?}: $*"; }
die() {
  log "$*" >&2
  exit 1
}

# Prints the body of http://HOST:PORT/PATH and succeeds when the answer is 200; gives up after
# TIMEOUT seconds (default 3), also for an address that does not answer at all.
http_get() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout "${4:-3}" bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$2" "$0" "$1" >&3
    IFS= read -r status <&3 || exit 1
    case "$status" in "HTTP/1."?" 200"*) ;; *) exit 1 ;; esac
    while IFS= read -r line <&3 && [ -n "${line%$'\''\r'\''}" ]; do :; done
    cat <&3' "$1" "$2" "$3" 2>/dev/null
}

# Prints "IP PORT" of the first instance of ROLE in agents.json; fails when there is none.
member_address() {
  local json chunk ip port
  json=$(tr -d '\n\r\t ' <"$STATE_DIR/agents.json" 2>/dev/null) || return 1
  while [[ $json =~ \{([^{}]*)\} ]]; do
    chunk=${BASH_REMATCH[1]}
    json=${json#*"${BASH_REMATCH[0]}"}
    [[ $chunk =~ \"role\":\"$1\" ]] || continue
    [[ $chunk =~ \"ip\":\"([^\"]+)\" ]] || continue
    ip=${BASH_REMATCH[1]}
    [[ $chunk =~ \"port\":([0-9]+) ]] || continue
    port=${BASH_REMATCH[1]}
    echo "$ip $port"
    return 0
  done
  return 1
}

# The JVM's process size in MiB: 7/8 of the container's memory limit (the rest is for memory the
# JVM does not account and for the scripts), at least FLOOR; DEFAULT without a limit.
process_size_mib() {
  local floor=$1 default=$2 limit=${MEC_MEMORY_MIB:-0} size
  if [ "$limit" -le 0 ]; then
    echo "$default"
    return
  fi
  size=$((limit - limit / 8))
  if [ "$size" -lt "$floor" ]; then
    log "warning: a $MY_ROLE needs a process of ${floor} MiB, the limit is ${limit} MiB" >&2
    size=$floor
  fi
  echo "$size"
}

# CPUs the JVM may use; the JVM does not see an LXC container's CPU limit by itself.
cpu_count() {
  local millis=${MEC_CPU_MILLIS:-0}
  if [ "$millis" -gt 0 ]; then echo $(((millis + 999) / 1000)); else nproc; fi
}

# Fills TEMPLATE's @NAME@ placeholders from the shell variables NAME and writes config.yaml.
write_config() {
  local text name
  text=$(<"$1")
  while [[ $text =~ @([A-Z_]+)@ ]]; do
    name=${BASH_REMATCH[1]}
    [ -n "${!name+set}" ] || die "template $1: no value for @$name@"
    text=${text//"@$name@"/${!name}}
  done
  printf '%s\n' "$text" >"$CONF_DIR/config.yaml.tmp" && mv "$CONF_DIR/config.yaml.tmp" "$CONF_DIR/config.yaml"
  write_log4j
}

# INFO to stdout (the instance's logs); the chatty network libraries only from WARN.
write_log4j() {
  cat >"$CONF_DIR/log4j2.properties" <<'EOF'
monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = Out
appender.out.type = Console
appender.out.name = Out
appender.out.target = SYSTEM_OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.netty.name = org.apache.flink.shaded.netty4
logger.netty.level = WARN
logger.zookeeper.name = org.apache.flink.shaded.zookeeper3
logger.zookeeper.level = WARN
EOF
}

# Sets JVM_ARGS (heap, direct, metaspace) and DYNAMIC_PROPERTIES (-D ...) with Flink's own sizing
# (BashJavaUtils, what flink-dist's scripts call; TaskManagerRunner refuses to start without its
# properties). KIND is JM or TM. The result is kept per config.yaml, so restarts skip a JVM start.
resource_params() {
  local kind=$1 cache="$CONF_DIR/resources.$1" key out
  key=$(sha256sum <"$CONF_DIR/config.yaml" | cut -d' ' -f1)
  if [ "$(head -n 1 "$cache" 2>/dev/null)" != "$key" ]; then
    out=$("$JAVA" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$FLINK_LIB/*" \
      org.apache.flink.runtime.util.bash.BashJavaUtils "GET_${kind}_RESOURCE_PARAMS" \
      --configDir "$CONF_DIR" 2>&1)
    if [ "$(grep -c '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out")" != 2 ]; then
      tail -n 20 <<<"$out" >&2
      die "cannot size the JVM from $CONF_DIR/config.yaml"
    fi
    { echo "$key" && sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p' <<<"$out"; } >"$cache.tmp"
    mv "$cache.tmp" "$cache"
  fi
  JVM_ARGS=$(sed -n 2p "$cache")
  DYNAMIC_PROPERTIES=$(sed -n 3p "$cache")
}

# Makes the directories; the JVM's user owns only RUN_DIR.
prepare_dirs() {
  if [ -z "${MY_IP:-}" ] || [ -z "${MY_PORT:-}" ]; then die "MY_IP and MY_PORT must be set"; fi
  [ -x "$JAVA" ] || command -v "$JAVA" >/dev/null || die "no java at $JAVA (MEC_JAVA)"
  compgen -G "$FLINK_LIB/flink-runtime-*.jar" >/dev/null || die "no Flink in $FLINK_LIB"
  mkdir -p "$CONF_DIR" "$RUN_DIR/tmp" || die "cannot make directories in $STATE_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown -R 65534:65534 "$RUN_DIR"
    as_jvm_user test -r "$(compgen -G "$FLINK_LIB/flink-runtime-*.jar" | head -n 1)" \
      -a -w "$RUN_DIR/tmp" -a -r "$CONF_DIR" ||
      die "user nobody cannot read $FLINK_LIB or $CONF_DIR, or write $RUN_DIR (directory permissions)"
  fi
}

# Runs a command as nobody when started as root (the agent in emulation), else as is.
as_jvm_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    "$@"
  fi
}

# Flags of flink-dist's env.java.opts.all: Flink and Kryo reflect into these JDK packages.
JAVA_MODULE_FLAGS="--add-exports=java.base/sun.net.util=ALL-UNNAMED
--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
--add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

# Starts Flink's MAIN class in the background (JVM_PID), with the OpenCV jar on the classpath
# (jobs such as face detection have it as provided), ARGS after the config options.
start_jvm() {
  local main=$1 classpath="$FLINK_LIB/*" jar command=()
  shift
  for jar in "${MEC_MIDDLEWARE:-/opt/mec/middleware}"/opencv/*.jar; do
    [ -f "$jar" ] && classpath="$classpath:$jar"
  done
  [ "$(id -u)" = 0 ] && command=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  # shellcheck disable=SC2206 # JVM_ARGS, DYNAMIC_PROPERTIES and the flags are word lists
  command+=("$JAVA" $JVM_ARGS $JAVA_MODULE_FLAGS -XX:ActiveProcessorCount="$(cpu_count)"
    -Djava.io.tmpdir="$RUN_DIR/tmp" -Duser.home="$RUN_DIR"
    -Dlog4j.configurationFile="file:$CONF_DIR/log4j2.properties"
    -cp "$classpath" "$main" --configDir "$CONF_DIR" $DYNAMIC_PROPERTIES "$@")
  "${command[@]}" & # a simple command: the JVM keeps this PID (setpriv execs it)
  JVM_PID=$!
  echo "$JVM_PID" >"$STATE_DIR/jvm.pid"
}

# Stops the JVM: SIGTERM runs Flink's shutdown hooks (a taskmanager unregisters at once); SIGKILL
# if that takes longer than 4 s, inside the agent's 5 s.
stop_jvm() {
  [ -n "${JVM_PID:-}" ] || return 0
  kill -TERM "$JVM_PID" 2>/dev/null
  if ! timeout 4 tail --pid="$JVM_PID" -s 0.1 -f /dev/null; then
    kill -KILL "$JVM_PID" 2>/dev/null
    log "killed the JVM: still running 4 s after SIGTERM"
  fi
  wait "$JVM_PID" 2>/dev/null
  JVM_PID=
  log "stopped"
}

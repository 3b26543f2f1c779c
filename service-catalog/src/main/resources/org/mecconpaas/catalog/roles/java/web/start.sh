#!/bin/bash
# java/web: Jetty 12 (ee10) on MY_IP:MY_PORT running the code version's WAR as the root context,
# as nobody when run as root. The Jetty base lives in MEC_STATE_DIR/jetty-base (made once). exec:
# SIGTERM to the group reaches the JVM, which stops Jetty within 2 s.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
source "$MEC_ROLE_DIR/jetty.sh"
: "${MY_IP:?}" "${MY_PORT:?}" "${MEC_CODE_DIR:?}"

home=$(jetty_home)
base=$STATE/jetty-base
mec_prepare_state
mec_check_readable "$MEC_CODE_DIR"
mec_check_readable "$home"
war=$(jetty_war "$MEC_CODE_DIR")

# ee10-ext: lib/ee10/ext/ on the web applications' environment classpath (jetty-ext.jar). The
# marker names the modules, so that a base made with other modules is made again.
modules=server,http,ee10-deploy,ee10-jsp,ee10-annotations,ee10-ext
if [ "$(cat "$base/.mec-ready" 2>/dev/null)" != "$modules" ]; then
  rm -rf "$base"
  mkdir -p "$base"
  (cd "$base" && "$JAVA" -jar "$home/start.jar" jetty.home="$home" jetty.base="$base" \
    --add-modules="$modules") >"$STATE/run-add-modules.log" 2>&1 ||
    { cat "$STATE/run-add-modules.log" >&2; mec_fail "cannot make the Jetty base"; }
  rm -f "$STATE/run-add-modules.log"
  echo "$modules" >"$base/.mec-ready"
fi
# the middleware's copy, every start: a newer middleware brings a newer one
ext=$(jetty_ext)
mkdir -p "$base/lib/ee10/ext"
cp -f "$ext" "$base/lib/ee10/ext/jetty-ext.jar"

mec_writable_dirs "$STATE/run" "$STATE/tmp" "$JETTY_WORK"
rm -rf "${JETTY_WORK:?}"/*
jetty_deploy "$war" >"$JETTY_ACTIVE"

# heap: what the container leaves beside about 96 MiB of JVM and Jetty (metaspace, code, threads)
memory=${MEC_MEMORY_MIB:-0}
cpus=$(mec_cpus)
jvm=(-XX:+UseSerialGC -Xss512k "-Djava.io.tmpdir=$STATE/tmp")
if [ "$memory" -gt 0 ]; then
  heap=$((memory - 96 < 32 ? 32 : memory - 96))
  threads=$((memory <= 256 ? 32 : 100))
else
  heap=256
  threads=200
fi
jvm+=("-Xmx${heap}m")
if [ "$memory" -gt 0 ] && [ "$memory" -le 256 ]; then
  # C1 only: less memory and CPU spent compiling on a small board
  jvm+=(-XX:TieredStopAtLevel=1)
fi
if [ "$cpus" -gt 0 ]; then
  # a JVM in a container of this host does not see the container's CPU limit
  jvm+=("-XX:ActiveProcessorCount=$cpus")
fi

mec_log "Jetty on $MY_IP:$MY_PORT, heap ${heap} MiB, version ${MEC_CODE_VERSION:-?} from $war"
exec "${AS_DAEMON[@]}" "$JAVA" "${jvm[@]}" -jar "$home/start.jar" \
  jetty.home="$home" jetty.base="$base" \
  jetty.http.host="$MY_IP" jetty.http.port="$MY_PORT" \
  jetty.threadPool.maxThreads="$threads" \
  jetty.httpConfig.sendServerVersion=false \
  jetty.server.stopTimeout=2000 \
  jetty.deploy.scanInterval=1

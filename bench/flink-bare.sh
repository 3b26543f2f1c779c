#!/usr/bin/env bash
# The "bare" baseline of the evaluation: the face-detection job on a Flink session cluster started
# by hand, without the platform. Starts 1 JobManager and 2 TaskManagers (1 slot each) on 127.0.0.1
# (or each on an emulated board: --boards) from the middleware the platform ships
# (images/middleware: flink/lib + the OpenCV jar), submits the job jar over REST for each test
# video RUNS times, and prints the processing time per video: Flink's job duration, min and max of
# the runs dropped, mean of the rest (as in the paper).
#   bench/flink-bare.sh [--runs N] [--parallelism P] [--cpu-per-jvm MILLICORES] [--boards]
#                       [VIDEO.avi ...]
#   (defaults: 5 runs, parallelism 2, no CPU limit, the test videos megamind.avi messi.avi vtest.avi)
# --cpu-per-jvm: each JVM in its own cgroup v1 CPU quota (root), as the platform holds each Flink
# instance to its catalog role's CPU; the JVM is told as many processors (like-for-like baseline).
# --boards: each JVM on its own emulated board as the platform's emulated edge makes them (root): a
# network namespace on a bridge with no route out (mecbare0, 10.78.0.0/24), joined by a veth with
# 100 Mbit/s tbf shaping both ways, so that the frames cross the same links as on the platform.
# Needs (builds nothing but the test data, which make-test-data.sh caches):
#   mvn -q -B -pl images/middleware package                       # flink/lib and opencv/
#   mvn -q -B -f examples/face-detection/pom.xml package -DskipTests   # the job jar
#   Debian packages ffmpeg, opencv-data, curl, python3 (JSON and the statistics)
# Ports (127.0.0.1 only, or the boards' addresses): REST $FLINK_BARE_REST_PORT (18481), JobManager
# RPC $FLINK_BARE_RPC_PORT (16423); everything else on ports the kernel picks. Every process,
# cgroup and namespace it makes is removed on exit.
# Logs, configuration and job outputs: examples/face-detection/target/bench/bare-<timestamp>/.
# Exit code: 0 every run finished with one CSV row per frame, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/examples/face-detection"
runs=5
parallelism=2
cpu_per_jvm=0
boards=0
videos=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    --cpu-per-jvm) cpu_per_jvm="$2"; shift 2 ;;
    --boards) boards=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "flink-bare.sh: unknown option $1" >&2; exit 2 ;;
    *) videos+=("$(realpath "$1")"); shift ;;
  esac
done

fail() { echo "flink-bare.sh: $*" >&2; exit 1; }
middleware="$root/images/middleware/target/middleware"
lib="$middleware/flink/lib"
opencv="$(ls "$middleware"/opencv/opencv-*.jar 2>/dev/null | head -1 || true)"
jar="$(ls "$example"/target/face-detection-*.jar 2>/dev/null | head -1 || true)"
[[ -f "$lib/flink-runtime-2.3.0.jar" && -n "$opencv" ]] ||
  fail "no middleware in $middleware: mvn -q -B -pl images/middleware package"
[[ "$cpu_per_jvm" =~ ^[0-9]+$ ]] || fail "--cpu-per-jvm wants millicores, not '$cpu_per_jvm'"
cgroups=/sys/fs/cgroup/cpu/mec-bench-bare-$$
if [[ "$cpu_per_jvm" -gt 0 ]]; then
  [[ $(id -u) == 0 && -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]] ||
    fail "--cpu-per-jvm needs root and the cgroup v1 cpu controller"
fi
if [[ "$boards" == 1 ]]; then
  if [[ $(id -u) != 0 ]] || ! command -v tc >/dev/null; then
    fail "--boards needs root and tc (iproute2)"
  fi
fi
[[ -n "$jar" ]] ||
  fail "no job jar: mvn -q -B -f examples/face-detection/pom.xml package -DskipTests"
cascade=/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml
[[ -f "$cascade" ]] || fail "no $cascade: apt-get install opencv-data"
for tool in curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done

data="$example/target/test-data"
"$example/make-test-data.sh" "$data"
if [[ ${#videos[@]} -eq 0 ]]; then
  videos=("$data/videos/megamind.avi" "$data/videos/messi.avi" "$data/videos/vtest.avi")
fi

# the JVMs' addresses: loopback, or one emulated board each
board_names=(jm tm1 tm2)
board_ips=(10.78.0.11 10.78.0.12 10.78.0.13)
if [[ "$boards" == 1 ]]; then
  jm_ip=${board_ips[0]} tm_ips=("${board_ips[@]:1}")
else
  jm_ip=127.0.0.1 tm_ips=(127.0.0.1 127.0.0.1)
fi
rest_port="${FLINK_BARE_REST_PORT:-18481}"
rpc_port="${FLINK_BARE_RPC_PORT:-16423}"
for port in "$rest_port" "$rpc_port"; do
  if [[ "$boards" == 0 ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port on 127.0.0.1 is taken (another run?); set FLINK_BARE_REST_PORT/FLINK_BARE_RPC_PORT"
  fi
done

run_dir="$example/target/bench/bare-$(date +%Y%m%d-%H%M%S)"
conf="$run_dir/conf"
mkdir -p "$conf" "$run_dir/log" "$run_dir/tmp" "$run_dir/out"
cat >"$conf/config.yaml" <<EOF
jobmanager:
  rpc: {address: $jm_ip, port: $rpc_port}
  bind-host: $jm_ip
  memory: {process: {size: 768m}}
taskmanager:
  numberOfTaskSlots: 1
  memory: {process: {size: 768m}, jvm-metaspace: {size: 128m}, jvm-overhead: {min: 64m},
           managed: {fraction: 0.1}, network: {min: 32m, max: 32m}}
rest: {address: $jm_ip, bind-address: $jm_ip, port: $rest_port}
parallelism: {default: $parallelism}
io: {tmp: {dirs: $run_dir/tmp}}
web: {upload: {dir: $run_dir/tmp}, tmpdir: $run_dir/tmp}
EOF
cat >"$conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FileAppender
appender.file.name = FileAppender
appender.file.type = File
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
EOF

classpath="$lib/*:$opencv"
# --add-opens/--add-exports that flink-dist's env.java.opts.all passes on Java 17
opens=(--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
for package in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time \
  java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
# the JVM arguments and memory settings Flink's start scripts compute (TaskManagerRunner needs them)
resource_params() {
  java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$conf" \
    2>"$run_dir/log/bash-java-utils.err" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}
mapfile -t jm_params < <(resource_params GET_JM_RESOURCE_PARAMS)
mapfile -t tm_params < <(resource_params GET_TM_RESOURCE_PARAMS)
[[ ${#tm_params[@]} -eq 2 ]] || fail "BashJavaUtils failed: $(tail -3 "$run_dir/log/bash-java-utils.err")"

pids=()
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ -d "$cgroups" ]]; then
    sleep 0.2 # a killed process leaves its cgroup when it has been reaped
    rmdir "$cgroups"/*/ "$cgroups" 2>/dev/null || echo "flink-bare.sh: $cgroups is left" >&2
  fi
  [[ "$boards_made" == 0 ]] || boards_down
}

# --boards: a namespace per JVM (its eth0 the peer of mecbare-NAME on the bridge), shaped both ways
# as the emulated edge shapes a board's link (EdgePlan: tbf 100mbit, burst 128kb, latency 50ms)
bridge=mecbare0
boards_made=0 # only what this run made is taken down
boards_up() {
  local i ns veth tbf=(root tbf rate 100mbit burst 128kb latency 50ms)
  if ip link show "$bridge" >/dev/null 2>&1; then
    fail "$bridge exists: another run, or a stopped one's leftovers (ip link del $bridge;" \
      "ip netns del mec-bare-jm, mec-bare-tm1, mec-bare-tm2)"
  fi
  ip link add "$bridge" type bridge
  boards_made=1
  ip addr add 10.78.0.1/24 dev "$bridge"
  ip link set "$bridge" up
  for i in 0 1 2; do
    ns=mec-bare-${board_names[$i]} veth=mecbare-${board_names[$i]}
    ip netns add "$ns"
    ip link add "$veth" type veth peer name eth0 netns "$ns"
    ip link set "$veth" master "$bridge"
    ip link set "$veth" up
    ip -n "$ns" addr add "${board_ips[$i]}/24" dev eth0
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
    tc qdisc add dev "$veth" "${tbf[@]}"
    tc -n "$ns" qdisc add dev eth0 "${tbf[@]}"
  done
}
boards_down() {
  local name
  for name in "${board_names[@]}"; do
    # the namespace takes eth0 and so its peer with it; the veth is deleted in case it was not
    ip netns del "mec-bare-$name" 2>/dev/null || true
    ip link del "mecbare-$name" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_jvm() { # NAME BOARD JVM_ARGS DYNAMIC_PROPERTIES MAIN_CLASS [ARGS...]
  local name="$1" board="$2" jvm="$3" dynamic="$4" main="$5" launch=()
  shift 5
  if [[ "$cpu_per_jvm" -gt 0 ]]; then
    mkdir -p "$cgroups/$name"
    echo 100000 >"$cgroups/$name/cpu.cfs_period_us"
    echo $((cpu_per_jvm * 100)) >"$cgroups/$name/cpu.cfs_quota_us"
    # the shell joins the cgroup, then becomes the JVM (same PID)
    # shellcheck disable=SC2016  # $$ and $@ are the inner shell's
    launch=(bash -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$cgroups/$name")
    jvm="$jvm -XX:ActiveProcessorCount=$(((cpu_per_jvm + 999) / 1000))"
  fi
  if [[ "$boards" == 1 ]]; then
    # after joining the cgroup: nsenter changes only the network (ip netns exec remounts /sys)
    launch+=(nsenter "--net=/var/run/netns/mec-bare-$board" --)
  fi
  # shellcheck disable=SC2086  # the JVM arguments and -D properties are word lists
  "${launch[@]}" java $jvm "${opens[@]}" -Dlog.file="$run_dir/log/$name.log" \
    -Dlog4j.configurationFile="file:$conf/log4j.properties" -cp "$classpath" \
    "$main" --configDir "$conf" $dynamic "$@" >"$run_dir/log/$name.out" 2>&1 &
  pids+=($!)
}
rest() { curl -sS --max-time 30 "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
wait_for() { # SECONDS DESCRIPTION COMMAND...
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "$what not after ${deadline}s; logs in $run_dir/log"
    sleep 0.2
  done
}
taskmanagers_registered() {
  [[ "$(rest "http://$jm_ip:$rest_port/taskmanagers" | json 'len(d["taskmanagers"])')" == 2 ]]
}

started=$SECONDS
[[ "$boards" == 0 ]] || boards_up
start_jvm jobmanager jm "${jm_params[0]}" "${jm_params[1]:-}" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
wait_for 60 "JobManager REST" rest -f "http://$jm_ip:$rest_port/config"
for i in 1 2; do
  start_jvm "taskmanager-$i" "tm$i" "${tm_params[0]}" \
    "${tm_params[1]} -D taskmanager.host=${tm_ips[$((i - 1))]} -D taskmanager.bind-host=${tm_ips[$((i - 1))]}" \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner
done
wait_for 60 "2 TaskManagers registered" taskmanagers_registered
echo "cluster up in $((SECONDS - started)) s: 1 JobManager + 2 TaskManagers (pids ${pids[*]})," \
  "REST http://$jm_ip:$rest_port"

jar_id="$(rest -F "jarfile=@$jar" "http://$jm_ip:$rest_port/jars/upload" |
  json 'd["filename"].split("/")[-1]')"

# one run: prints "<job duration ms> <submit-to-finished ms> <detectors that ran>"
run_job() { # VIDEO OUT
  local body job t0 t1 details
  body="$(python3 -c 'import json,sys; print(json.dumps({"programArgsList": sys.argv[1:5],
    "parallelism": int(sys.argv[4])}))' "$1" "$2" "$cascade" "$parallelism")"
  t0=$(date +%s%3N)
  job="$(rest -H 'Content-Type: application/json' -d "$body" \
    "http://$jm_ip:$rest_port/jars/$jar_id/run" | json 'd.get("jobid") or d')"
  [[ "$job" =~ ^[0-9a-f]{32}$ ]] || fail "run request refused: $job"
  # every 0.5 s, as the platform's benchmark (PlatformRuns.POLL), one small curl read by bash: a
  # python3 per poll took 30-50 ms of CPU, at 10 polls a second a third of a core that the
  # TaskManagers lost
  while :; do
    [[ "$(rest "http://$jm_ip:$rest_port/jobs/$job/status")" =~ \"status\":\"([A-Z]+)\" ]] ||
      fail "no status for job $job"
    case "${BASH_REMATCH[1]}" in
      FINISHED) break ;;
      FAILED | CANCELED) fail "job $job on $1: ${BASH_REMATCH[1]}; see $run_dir/log" ;;
    esac
    sleep 0.5
  done
  t1=$(date +%s%3N)
  details="$(rest "http://$jm_ip:$rest_port/jobs/$job")"
  echo "$(json 'd["duration"]' <<<"$details") $((t1 - t0))" \
    "$(json '[v["parallelism"] for v in d["vertices"] if v["name"].startswith("detect")][0]' <<<"$details")"
}

csv_counts() { # FACES.CSV: prints "<rows> <rows with a face>"
  python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(len(rows), sum(1 for r in rows if int(r["faces"]) > 0))' "$1"
}

avi_frames() { # the frames ffmpeg decodes (an AVI header also counts empty "dropped" chunks)
  ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames \
    -of csv=p=0 "$1"
}

stats() { # prints "trimmed-mean min max" of the numbers given, min and max dropped when n >= 3
  python3 -c 'import sys
v = sorted(int(x) for x in sys.argv[1:])
kept = v[1:-1] if len(v) >= 3 else v
print(round(sum(kept) / len(kept)), v[0], v[-1])' "$@"
}

status=0
results="$run_dir/results.txt"
{
  echo "Face detection on a bare Flink 2.3.0 session cluster (1 JM + 2 TMs x 1 slot, 768m each," \
    "$([[ "$boards" == 1 ]] && echo "one emulated board each, 100 Mbit/s links" || echo 127.0.0.1))," \
    "parallelism $parallelism, $runs runs per video, $(nproc) CPUs," \
    "$([[ "$cpu_per_jvm" -gt 0 ]] && echo "each JVM held to $cpu_per_jvm millicores" || echo "no CPU limit")"
  echo "processing time = Flink job duration; mean of the runs without the min and the max;" \
    "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-16s %7s %8s %10s %9s %9s %14s\n' video frames w/faces "time(ms)" min max "submit->done"
} | tee "$results"
# one job first, not counted (the platform's benchmark does the same): fresh TaskManagers load and
# compile Flink's and the job's classes during their first job, which a short video cannot hide
run_job "${videos[0]}" "$run_dir/out/warm-up" >/dev/null
for video in "${videos[@]}"; do
  name="$(basename "$video" .avi)"
  frames="$(avi_frames "$video")"
  durations=() walls=()
  for run in $(seq "$runs"); do
    times="$(run_job "$video" "$run_dir/out/$name")"
    read -r duration wall detectors <<<"$times"
    durations+=("$duration") walls+=("$wall")
    if [[ "$detectors" != "$parallelism" ]]; then
      echo "  run $run: $detectors detectors ran, not $parallelism" >&2
      status=1
    fi
    counts="$(csv_counts "$run_dir/out/$name/faces.csv")"
    if [[ "${counts% *}" != "$frames" ]]; then
      echo "  run $run: ${counts% *} CSV rows for $frames frames" >&2
      status=1
    fi
  done
  read -r mean min max <<<"$(stats "${durations[@]}")"
  read -r wall_mean _ <<<"$(stats "${walls[@]}")"
  printf '%-16s %7s %8s %10s %9s %9s %14s\n' "$name" "$frames" "${counts#* }" "$mean" "$min" "$max" \
    "$wall_mean" | tee -a "$results"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
echo "results: $results"
exit "$status"

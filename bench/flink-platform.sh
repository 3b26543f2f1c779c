#!/usr/bin/env bash
# The evaluation of the paper through the platform: the face-detection job on the same videos, with
# the same parallelism and number of runs, (a) on a bare Flink cluster (bench/flink-bare.sh, run
# first, in the same invocation, so that both see the same machine) and (b) through the platform:
# a real master's REST API, a Flink service of 1 JobManager + 2 TaskManagers on 4 emulated nodes,
# once with unlimited nodes and once with the Raspberry Pi 3 profile (1 CPU, 1 GiB per node); in
# both, each instance also runs under its catalog role's own CPU and memory limits.
# The bare cluster runs twice: without limits on loopback, and like-for-like: each JVM on its own
# emulated board (a network namespace with the edge's 100 Mbit/s links) and held to the CPU the
# platform gives a Flink instance (--bare-cpu, the catalog's 1000 millicores; 0 skips this run);
# the target is judged against the like-for-like one.
# Prints a table per video (the times, the overhead, target <= 5 %, and Pi 3 / unlimited) and
# writes results.txt, chart.svg and report.html (self-contained) to the run's output directory,
# and the platform's times per profile (platform-PROFILE-results.txt) for bench/flink-summary.sh,
# which pools several runs: one run's means move by a few percent from run to run.
#   bench/flink-platform.sh [--runs N] [--parallelism P] [--profiles unlimited,rpi3]
#                           [--bare-cpu MILLICORES] [VIDEO.avi ...]
#   (defaults: 5 runs, parallelism 2, both profiles, 1000, the test videos megamind.avi messi.avi
#   vtest.avi)
# Needs what flink-bare.sh needs, plus the master and agent (mvn -q -B install -DskipTests), root
# (namespaces and cgroups) and the machine's emulated edge: only one runs per machine, so the
# platform part waits while someone else's edge runs. Builds only the benchmark's own classes.
# Output: it/target/bench-results/flink-<timestamp>/ (also masters' data and logs, job outputs).
# Exit code: 0 every target met, 1 a target missed, 2 a run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs=5
parallelism=2
bare_cpu=1000 # ServiceCatalog.flink(): a JobManager's and a TaskManager's CPU
bare_args=()
platform_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs | --parallelism)
      [[ $# -ge 2 ]] || { echo "flink-platform.sh: $1 needs a value" >&2; exit 2; }
      [[ "$1" == --runs ]] && runs="$2" || parallelism="$2"
      shift 2 ;;
    --profiles)
      [[ $# -ge 2 ]] || { echo "flink-platform.sh: $1 needs a value" >&2; exit 2; }
      platform_args+=(--profiles "$2"); shift 2 ;;
    --bare-cpu)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "flink-platform.sh: $1 needs millicores" >&2; exit 2; }
      bare_cpu="$2"; shift 2 ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "flink-platform.sh: unknown option $1" >&2; exit 2 ;;
    *) bare_args+=("$(realpath "$1")"); platform_args+=("$(realpath "$1")"); shift ;;
  esac
done
for built in paas-ear/target/mec-master.jar agent/target/mec-agent.jar; do
  if [[ ! -f "$built" ]]; then
    echo "flink-platform.sh: $built is missing; build it first: mvn -q -B install -DskipTests" >&2
    exit 2
  fi
done

out="$root/it/target/bench-results/flink-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# Runs flink-bare.sh with ARGS...; copies its results to OUT_NAME. Returns 2 when there are none,
# 1 when it reported a bad run.
bare_baseline() { # LOG_NAME OUT_NAME ARGS...
  local log="$out/$1" copy="$out/$2" status=0 results
  shift 2
  "$root/bench/flink-bare.sh" --runs "$runs" --parallelism "$parallelism" "$@" "${bare_args[@]}" |
    tee "$log" || status=$?
  results="$(sed -n 's/^results: //p' "$log" | tail -1)"
  if [[ -z "$results" || ! -f "$results" ]]; then
    echo "flink-platform.sh: flink-bare.sh $* failed (exit $status); nothing to compare with" >&2
    return 2
  fi
  cp "$results" "$copy"
  if [[ "$status" != 0 ]]; then
    echo "flink-platform.sh: flink-bare.sh $* reported a bad run (exit $status); see $log" >&2
    return 1
  fi
}
echo "flink-platform.sh: (a) bare Flink without CPU limits, $runs runs per video"
bare_status=0
bare_baseline bare.log bare-results.txt || bare_status=$?
[[ "$bare_status" != 2 ]] || exit 2
boards_args=()
if [[ "$bare_cpu" -gt 0 ]]; then
  echo "flink-platform.sh: (a') bare Flink on emulated boards, each JVM held to $bare_cpu millicores"
  boards_status=0
  bare_baseline bare-boards.log bare-boards-results.txt --cpu-per-jvm "$bare_cpu" --boards ||
    boards_status=$?
  [[ "$boards_status" != 2 ]] || exit 2
  [[ "$boards_status" == 0 ]] || bare_status=$boards_status
  boards_args=(--bare-boards "$out/bare-boards-results.txt")
fi

echo "flink-platform.sh: (b) the platform"
classpath_file="$root/it/target/flink-bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# not exec: a bad bare run still decides the exit code; Ctrl-C reaches the JVM (same process
# group), whose shutdown hooks stop the masters and edges it started.
platform_status=0
java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" -Dmec.launcher="$root/mec-master" \
  org.mecconpaas.it.bench.FlinkBenchmark --bare "$out/bare-results.txt" "${boards_args[@]}" --out "$out" \
  --runs "$runs" --parallelism "$parallelism" "${platform_args[@]}" || platform_status=$?
if [[ "$bare_status" != 0 ]]; then
  exit 2
fi
exit "$platform_status"

#!/usr/bin/env bash
# The evaluation of the paper through the platform: the face-detection job on the same videos, with
# the same parallelism and number of runs, (a) on a bare Flink cluster (bench/flink-bare.sh, run
# first, in the same invocation, so that both see the same machine) and (b) through the platform:
# a real master's REST API, a Flink service of 1 JobManager + 2 TaskManagers on 4 emulated nodes,
# once with unlimited nodes and once with the Raspberry Pi 3 profile (1 CPU, 1 GiB per node); in
# both, each instance also runs under its catalog role's own CPU and memory limits.
# Prints a table per video (both times, the overhead, target <= 5 %, and Pi 3 / unlimited) and
# writes results.txt, chart.svg and report.html (self-contained) to the run's output directory.
#   bench/flink-platform.sh [--runs N] [--parallelism P] [--profiles unlimited,rpi3] [VIDEO.avi ...]
#   (defaults: 5 runs, parallelism 2, both profiles, the test videos megamind.avi messi.avi vtest.avi)
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
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
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
echo "flink-platform.sh: (a) bare Flink, $runs runs per video"
bare_status=0
"$root/bench/flink-bare.sh" --runs "$runs" --parallelism "$parallelism" "${bare_args[@]}" |
  tee "$out/bare.log" || bare_status=$?
bare_results="$(sed -n 's/^results: //p' "$out/bare.log" | tail -1)"
if [[ -z "$bare_results" || ! -f "$bare_results" ]]; then
  echo "flink-platform.sh: flink-bare.sh failed (exit $bare_status); nothing to compare with" >&2
  exit 2
fi
if [[ "$bare_status" != 0 ]]; then
  echo "flink-platform.sh: flink-bare.sh reported a bad run (exit $bare_status); see $out/bare.log" >&2
fi
cp "$bare_results" "$out/bare-results.txt"

echo "flink-platform.sh: (b) the platform"
classpath_file="$root/it/target/flink-bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# not exec: a bad bare run still decides the exit code; Ctrl-C reaches the JVM (same process
# group), whose shutdown hooks stop the masters and edges it started.
platform_status=0
java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" -Dmec.launcher="$root/mec-master" \
  org.mecconpaas.it.bench.FlinkBenchmark --bare "$out/bare-results.txt" --out "$out" \
  --runs "$runs" --parallelism "$parallelism" "${platform_args[@]}" || platform_status=$?
if [[ "$bare_status" != 0 ]]; then
  exit 2
fi
exit "$platform_status"

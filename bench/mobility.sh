#!/usr/bin/env bash
# Runs the mobility benchmark (org.mecconpaas.it.mobility.MobilityBenchmark): the master with 6
# emulated nodes and `mec experiment run examples/experiments/campus.yaml` (20 clients on a
# random waypoint walk with a fixed seed, an echo service near its users against one packed on a
# node, side by side): p50/p99 latency of both, requests failed during migrations, and the time
# from an association change to the routers serving from the new instance. See docs/experiments.md.
#   bench/mobility.sh [--minutes N]      (default 5; offline: MVN_FLAGS=-o bench/mobility.sh)
# Builds neither the master, the agent nor the CLI: only compiles the benchmark's classes in it/.
# Only one emulated edge runs per machine: wrap it in `flock /tmp/mec-it.lock` where others run
# edges too. Exit code: 0 all targets met, 1 a target missed, 2 the run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for built in paas-ear/target/mec-master.jar agent/target/mec-agent.jar cli/target/mec.jar; do
  if [[ ! -f "$built" ]]; then
    echo "bench/mobility.sh: $built is missing; build it first: mvn -q -B install -DskipTests" >&2
    exit 2
  fi
done
classpath_file="$root/it/target/bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# exec: Ctrl-C reaches the benchmark JVM, whose shutdown hooks stop the master and its edge.
exec java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" \
  -Dmec.launcher="$root/mec-master" -Dmec.cli.jar="$root/cli/target/mec.jar" \
  -Dmec.bench.out="$root/it/target" \
  org.mecconpaas.it.mobility.MobilityBenchmark "$@"

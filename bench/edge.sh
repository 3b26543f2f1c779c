#!/usr/bin/env bash
# Runs the edge benchmark (org.mecconpaas.it.bench.EdgeBenchmark) against the built master
# distribution and its emulated edge: service start and scale-out latency, node failure to
# re-created instance, and the node agent's resident memory with 5 instances. See bench/README.md.
#   bench/edge.sh [--runtime process|lxc|both] [--runs N] [--failures N]
#   (defaults: process, 20 runs, 3 node failures; offline: MVN_FLAGS=-o bench/edge.sh)
# Builds neither the master nor the agent: only compiles the benchmark's own classes in it/.
# The emulated edge needs root for namespaces and cgroups (lxc also needs the lxc package); only
# one runs per machine, so the benchmark waits while someone else's edge runs.
# Exit code: 0 all targets met, 1 a target missed, 2 the run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for built in paas-ear/target/mec-master.jar agent/target/mec-agent.jar; do
  if [[ ! -f "$built" ]]; then
    echo "bench/edge.sh: $built is missing; build it first: mvn -q -B install -DskipTests" >&2
    exit 2
  fi
done
classpath_file="$root/it/target/bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# exec: Ctrl-C reaches the benchmark JVM, whose shutdown hooks stop the masters and edges it started.
exec java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" \
  -Dmec.launcher="$root/mec-master" -Dmec.bench.out="$root/it/target" \
  org.mecconpaas.it.bench.EdgeBenchmark "$@"

#!/usr/bin/env bash
# Runs the portal benchmark (org.mecconpaas.it.bench.PortalBenchmark) against the built master
# distribution: seeds 100 edge nodes (enrolled through the agent protocol, one heartbeat each),
# 200 services and 1,000 events, then times every portal page and poll as a signed-in user
# against the 300 ms target. See bench/README.md.
#   bench/portal.sh         (extra Maven flags, e.g. offline: MVN_FLAGS=-o bench/portal.sh)
# Builds neither the master nor the CLI: only compiles the benchmark's own classes in it/.
# Exit code: 0 all targets met, 1 a target missed, 2 the run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -f paas-ear/target/mec-master.jar ]]; then
  echo "bench/portal.sh: paas-ear/target/mec-master.jar is missing; build it first: mvn -q -B install -DskipTests" >&2
  exit 2
fi
classpath_file="$root/it/target/bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# exec: Ctrl-C reaches the benchmark JVM, whose shutdown hooks stop the master it started.
exec java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" \
  -Dmec.launcher="$root/mec-master" -Dmec.bench.out="$root/it/target" \
  org.mecconpaas.it.bench.PortalBenchmark "$@"

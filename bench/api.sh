#!/usr/bin/env bash
# Runs the API benchmark (org.mecconpaas.it.bench.ApiBenchmark) against the built master
# distribution: seeds 1,000 applications / 2,000 services, restarts the master, measures start-up,
# RSS and list/create latency under 16 clients. See bench/README.md.
#   bench/api.sh            (extra Maven flags, e.g. offline: MVN_FLAGS=-o bench/api.sh)
# Builds neither the master nor the CLI: only compiles the benchmark's own classes in it/.
# Exit code: 0 all targets met, 1 a target missed, 2 the run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -f paas-ear/target/mec-master.jar ]]; then
  echo "bench/api.sh: paas-ear/target/mec-master.jar is missing; build it first: mvn -q -B install -DskipTests" >&2
  exit 2
fi
classpath_file="$root/it/target/bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# exec: Ctrl-C reaches the benchmark JVM, whose shutdown hooks stop the master it started.
exec java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" \
  -Dmec.launcher="$root/mec-master" -Dmec.bench.out="$root/it/target" \
  org.mecconpaas.it.bench.ApiBenchmark "$@"

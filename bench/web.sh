#!/usr/bin/env bash
# Runs the web hosting benchmark (org.mecconpaas.it.bench.WebBenchmark) against the built master
# distribution and its emulated edge: requests per second and p99 latency of a PHP page through the
# platform's PHP service against the same HAProxy + nginx + php-fpm started bare on this machine
# (same scripts, worker counts and limits; alternating rounds), and the autoscaling reaction of the
# backends to a load step and to its end. See bench/README.md.
#   bench/web.sh [--rounds N] [--seconds S] [--clients C] [--cycles N]
#   (defaults: 5 rounds, 15 s per target, 8 clients, 3 autoscaling cycles; offline: MVN_FLAGS=-o)
# Builds neither the master nor the agent: only compiles the benchmark's own classes in it/.
# Needs root (namespaces, cgroup v1 cpu and memory for the bare daemons too) and nginx, php-fpm and
# haproxy installed; only one emulated edge runs per machine, so it waits while another one runs.
# Exit code: 0 the target met, 1 missed, 2 the run failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for built in paas-ear/target/mec-master.jar agent/target/mec-agent.jar; do
  if [[ ! -f "$built" ]]; then
    echo "bench/web.sh: $built is missing; build it first: mvn -q -B install -DskipTests" >&2
    exit 2
  fi
done
classpath_file="$root/it/target/web-bench.classpath"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -pl it test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeTypes=pom -Dmdep.outputFile="$classpath_file"
# it/ as working directory: the end-to-end tests' ExampleBundles find ../examples from there.
# exec: Ctrl-C reaches the benchmark JVM, whose shutdown hooks stop the bare daemons, the master
# and the edge it started.
cd "$root/it"
exec java -cp "$root/it/target/test-classes:$(cat "$classpath_file")" \
  -Dmec.launcher="$root/mec-master" -Dmec.bench.out="$root/it/target" \
  org.mecconpaas.it.bench.WebBenchmark "$@"

/**
 * The API benchmark ({@link org.mecconpaas.it.bench.ApiBenchmark}): seeds a master, restarts it and
 * measures start-up time, memory and request latency against fixed targets. Run by {@code
 * bench/api.sh}, never by {@code mvn verify}: timings on a shared build machine would make a flaky
 * test.
 */
package org.mecconpaas.it.bench;

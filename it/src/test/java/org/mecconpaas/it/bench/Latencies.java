package org.mecconpaas.it.bench;

import java.time.Duration;
import java.util.Arrays;

/** The latencies of one load run, with the requests that got an unexpected answer. */
record Latencies(long[] sortedNanos, int failures, String firstFailure, Duration wall) {

  static Latencies of(long[] nanos, int failures, String firstFailure, Duration wall) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted, failures, firstFailure, wall);
  }

  int count() {
    return sortedNanos.length;
  }

  /** Nearest-rank percentile in milliseconds: the smallest latency that p % of requests met. */
  double percentileMillis(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1_000_000.0;
  }

  double requestsPerSecond() {
    return sortedNanos.length / (wall.toNanos() / 1e9);
  }
}

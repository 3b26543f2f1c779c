package org.mecconpaas.it.bench;

import java.util.List;

/**
 * The processing times of repeated runs of one job, in milliseconds, summarised as the paper and
 * {@code bench/flink-bare.sh} do: the mean of the runs without the fastest and the slowest one
 * (when there are at least 3).
 *
 * @param millis the runs' times in the order they ran
 */
record JobTimes(List<Long> millis) {

  JobTimes {
    if (millis.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
    millis = List.copyOf(millis);
  }

  /** Summarised times read from elsewhere (the bare baseline's table): mean, min and max. */
  static JobTimes summarised(long trimmedMean, long min, long max) {
    return new JobTimes(List.of(min, trimmedMean, max));
  }

  long trimmedMean() {
    List<Long> sorted = millis.stream().sorted().toList();
    List<Long> kept = sorted.size() >= 3 ? sorted.subList(1, sorted.size() - 1) : sorted;
    return Math.round(kept.stream().mapToLong(Long::longValue).average().orElseThrow());
  }

  long min() {
    return millis.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  long max() {
    return millis.stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}

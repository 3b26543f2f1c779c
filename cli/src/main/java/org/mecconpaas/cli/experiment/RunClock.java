package org.mecconpaas.cli.experiment;

import java.time.Duration;
import java.time.Instant;

/** Wall time of the run and seconds since its start (the start of the mobility emulation). */
final class RunClock {
  private final Instant start;

  RunClock(Instant start) {
    this.start = start;
  }

  Instant start() {
    return start;
  }

  Instant now() {
    return Instant.now();
  }

  double seconds(Instant at) {
    return Duration.between(start, at).toNanos() / 1e9;
  }
}

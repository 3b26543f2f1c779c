package org.mecconpaas.catalog.roles.flink;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, polling every 200 ms; the deadlines are generous (a loaded
 * 2-core machine), the assertions are on what happened, never on a fixed sleep. (This module has no
 * Awaitility on its test classpath.)
 */
final class Poll {
  private static final long INTERVAL_MILLIS = 200;

  private Poll() {}

  /** Fails with {@code what} when the condition does not hold within the timeout. */
  static Duration until(Duration timeout, String what, BooleanSupplier condition) {
    return until(
            timeout, what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty())
        .elapsed();
  }

  /** The first value the probe gives within the timeout, and how long that took. */
  static <T> Result<T> until(Duration timeout, String what, Supplier<Optional<T>> probe) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return new Result<>(value.get(), Duration.ofNanos(System.nanoTime() - start));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what, e);
      }
    }
  }

  record Result<T>(T value, Duration elapsed) {}
}

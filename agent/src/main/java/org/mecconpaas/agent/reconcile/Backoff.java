package org.mecconpaas.agent.reconcile;

/** Doubling retry delay with a ceiling, so a failing container or download does not spin. */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private int failures;
  private long retryAtMillis;

  Backoff(long initialMillis, long maxMillis) {
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
  }

  boolean waiting(long nowMillis) {
    return failures > 0 && nowMillis < retryAtMillis;
  }

  void failed(long nowMillis) {
    failures++;
    retryAtMillis = nowMillis + delayMillis();
  }

  void succeeded() {
    failures = 0;
  }

  long delayMillis() {
    if (failures == 0) {
      return 0;
    }
    long delay = initialMillis << Math.min(failures - 1, 20);
    return Math.min(delay, maxMillis);
  }
}

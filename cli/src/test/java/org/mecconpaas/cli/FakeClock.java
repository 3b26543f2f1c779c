package org.mecconpaas.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock for commands that poll: sleeping moves it on at once, so a 120 s wait takes no time, and
 * after a set number of sleeps it is interrupted, as Ctrl-C ends {@code logs --follow}.
 */
final class FakeClock implements Environment.Clock {

  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private volatile Instant now = START;
  private volatile int sleepsBeforeInterrupt = Integer.MAX_VALUE;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (sleeps.size() >= sleepsBeforeInterrupt) {
      throw new InterruptedException("fake Ctrl-C");
    }
    sleeps.add(duration);
    now = now.plus(duration);
  }

  /** Moves the time on without a sleep, as a slow master would. */
  FakeClock advance(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  /** The next sleep after {@code count} more is interrupted. */
  FakeClock interruptAfter(int count) {
    sleepsBeforeInterrupt = sleeps.size() + count;
    return this;
  }

  List<Duration> sleeps() {
    return sleeps;
  }
}

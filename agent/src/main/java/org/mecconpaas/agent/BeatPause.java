package org.mecconpaas.agent;

/**
 * The agent's waits: between heartbeats, and between retries. A wait ends early when the agent
 * stops, and a wait between beats also when there is news: the master's long poll answered (its
 * reply for this node changed) or an instance changed phase (the master should hear of it).
 */
final class BeatPause implements Enroller.Sleeper {
  private boolean stopping;
  private boolean news;

  /** Waits up to {@code millis}; false when the agent is stopping. */
  @Override
  public synchronized boolean sleep(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!stopping && !news) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stopping;
  }

  /** Ends the current and every later wait. */
  synchronized void stop() {
    stopping = true;
    notifyAll();
  }

  /** Ends the current wait (or the next one) early; {@link #takeNews()} tells the waiter why. */
  synchronized void news() {
    news = true;
    notifyAll();
  }

  /** Whether there was news since the last call. */
  synchronized boolean takeNews() {
    boolean had = news;
    news = false;
    return had;
  }
}

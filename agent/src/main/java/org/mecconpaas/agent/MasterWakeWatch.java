package org.mecconpaas.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import org.mecconpaas.agent.master.MasterRejected;

/**
 * Keeps one long poll open on the master's {@code GET /agent/v1/wake}: when the master answers with
 * a new version, this node's heartbeat reply changed (an instance to start, a route switched,
 * stations moved), and the agent beats at once instead of at its next interval. The poll runs on
 * the HTTP client's own threads; a failed one is retried by the heartbeat loop's next call to
 * {@link #ensurePolling()} after a pause, and a master without the endpoint (404) is left alone:
 * the agent then simply beats at its interval.
 */
final class MasterWakeWatch {
  private static final Logger LOG = Logger.getLogger(MasterWakeWatch.class.getName());

  /** After a failed poll, the next waits this long (the heartbeat reports the outage). */
  static final long RETRY_MILLIS = 2_000;

  private final LongFunction<CompletableFuture<Long>> poll;
  private final Runnable onNews;
  private long version = -1;
  private boolean polling;
  private boolean unsupported;
  private long retryAt;

  /**
   * @param poll starts a poll with the last version seen ({@code -1}: none yet)
   * @param onNews called when the version changed
   */
  MasterWakeWatch(LongFunction<CompletableFuture<Long>> poll, Runnable onNews) {
    this.poll = poll;
    this.onNews = onNews;
  }

  /** Starts a poll unless one is open, the master has none, or the last one failed just now. */
  void ensurePolling() {
    long since;
    synchronized (this) {
      if (polling || unsupported || System.nanoTime() - retryAt < 0) {
        return;
      }
      polling = true;
      since = version;
    }
    CompletableFuture<Long> answer;
    try {
      answer = poll.apply(since);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete(this::answered);
  }

  private void answered(Long answer, Throwable failure) {
    boolean news;
    synchronized (this) {
      polling = false;
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof MasterRejected rejected && rejected.status() == 404) {
          unsupported = true;
          LOG.info("the master has no wake endpoint: beating at the interval only");
        } else {
          retryAt = System.nanoTime() + RETRY_MILLIS * 1_000_000;
          LOG.fine("wake poll failed: " + cause);
        }
        return;
      }
      news = answer != version;
      version = answer;
    }
    if (news) {
      onNews.run();
    }
    ensurePolling();
  }

  /** Whether a poll is open now (for tests). */
  synchronized boolean polling() {
    return polling;
  }
}

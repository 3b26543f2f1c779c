package org.mecconpaas.jetty;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A web application context that lets the requests it is serving finish before it stops.
 *
 * <p>Jetty's atomic redeployment starts the new context, swaps it in and stops the old one at once.
 * A request that was already inside the old context then runs while its servlets and resources are
 * torn down: it ends as a 404 from the default servlet or a 503 (measured with the java web role:
 * about one request in a dozen hot switches under four clients). New requests go to the new context
 * from the swap on, so waiting for the old one's count of requests to reach zero drops none. The
 * wait is bounded ({@link #setDrainTimeout}): a request that outlives it (a long poll, a stream)
 * meets the stopping context as before.
 */
public class DrainingWebAppContext extends WebAppContext {
  /**
   * After the count reached zero: a request that the context collection routed here just before the
   * swap may not have entered {@link #handle} yet; a moment covers that step.
   */
  private static final long SETTLE_MILLIS = 50;

  private final Object drained = new Object();
  private long inFlight;
  private long drainTimeoutMillis = 5_000;

  /** How long {@code stop()} waits for the requests being served (milliseconds, 0: no wait). */
  public void setDrainTimeout(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("drainTimeout must not be negative: " + millis);
    }
    drainTimeoutMillis = millis;
  }

  public long getDrainTimeout() {
    return drainTimeoutMillis;
  }

  /** The requests this context is serving now. */
  public long getRequestsInFlight() {
    synchronized (drained) {
      return inFlight;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    synchronized (drained) {
      inFlight++;
    }
    AtomicBoolean released = new AtomicBoolean();
    Consumer<Throwable> release =
        failure -> {
          // once per request, whichever of the callback, a false return or a throw comes first
          if (released.compareAndSet(false, true)) {
            synchronized (drained) {
              inFlight--;
              drained.notifyAll();
            }
          }
        };
    boolean handled = false;
    try {
      handled = super.handle(request, response, Callback.from(callback, release));
      return handled;
    } finally {
      if (!handled) {
        // not ours, or it threw: the caller completes the original callback, never ours
        release.accept(null);
      }
    }
  }

  @Override
  protected void doStop() throws Exception {
    awaitDrained();
    super.doStop();
  }

  private void awaitDrained() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainTimeoutMillis);
    synchronized (drained) {
      do {
        while (inFlight > 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            return;
          }
          drained.wait(left);
        }
        long settle =
            Math.min(SETTLE_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (settle > 0) {
          drained.wait(settle);
        }
      } while (inFlight > 0);
    }
  }
}

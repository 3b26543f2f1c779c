package org.mecconpaas.agent.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One daemon thread with one selector that does all of the router's work: every listening socket
 * and every relayed connection, whatever their number, so the router costs one thread. Other
 * threads hand it work through {@link #call}. While connections are open it wakes at least every
 * {@link #MAX_WAIT_MILLIS} (connect timeouts, drained connections at rest), otherwise only for
 * sockets and due chunks.
 */
final class SelectorLoop {
  private static final Logger LOG = Logger.getLogger(SelectorLoop.class.getName());
  static final long MAX_WAIT_MILLIS = 200;
  private static final long CALL_TIMEOUT_SECONDS = 10;

  /** What the loop drives between selections. */
  interface Work {
    /** Runs after every selection, {@code now} from nanoTime. */
    void tick(long now);

    /** When {@link #tick} is next needed (nanoTime), or {@link Direction#NO_DEADLINE}. */
    long nextDeadline();

    /** Whether anything is open that needs {@link #tick} regularly. */
    boolean busy();
  }

  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final List<Runnable> results = new ArrayList<>();
  private Work work;
  private volatile boolean running = true;

  SelectorLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  Selector selector() {
    return selector;
  }

  void start(Work work) {
    this.work = work;
    thread.start();
  }

  /**
   * Runs {@code task} on the loop's thread and returns its result. Sockets it closed are released
   * before this returns (a closed channel's socket is only closed when its key is deregistered).
   */
  <T> T call(Callable<T> task) {
    if (!thread.isAlive()) {
      throw new IllegalStateException("the access-point router is not running");
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    tasks.add(() -> runTask(task, result));
    selector.wakeup();
    try {
      return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the access-point router", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the access-point router did not do its work", e);
    }
  }

  /** Ends the loop after the current round; waits up to {@code millis} for its thread. */
  void stop(long millis) throws InterruptedException {
    running = false;
    selector.wakeup();
    thread.join(millis);
  }

  private void run() {
    try {
      while (running) {
        selector.select(waitMillis(System.nanoTime()));
        runTasks();
        long now = System.nanoTime();
        dispatch(now);
        work.tick(now);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the access-point router stopped", e);
    } finally {
      RouteListener.closeQuietly(selector);
    }
  }

  private long waitMillis(long now) {
    long deadline = work.nextDeadline();
    long wait = work.busy() ? MAX_WAIT_MILLIS : 0; // 0: until a socket or a task
    if (deadline != Direction.NO_DEADLINE) {
      long untilDue = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now + 999_999));
      wait = wait == 0 ? untilDue : Math.min(wait, untilDue);
    }
    return wait;
  }

  private void runTasks() throws IOException {
    boolean ran = false;
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
      ran = true;
    }
    if (ran) {
      selector.selectNow(); // deregisters closed channels, which closes their sockets
      results.forEach(Runnable::run);
      results.clear();
    }
  }

  private <T> void runTask(Callable<T> task, CompletableFuture<T> result) {
    try {
      T value = task.call();
      results.add(() -> result.complete(value));
    } catch (Exception | Error e) {
      results.add(() -> result.completeExceptionally(e));
    }
  }

  private void dispatch(long now) {
    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
    while (keys.hasNext()) {
      SelectionKey key = keys.next();
      keys.remove();
      if (!key.isValid()) {
        continue;
      }
      try {
        ((ReadyHandler) key.attachment()).ready(key, now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "access-point router: unexpected failure", e);
        ((ReadyHandler) key.attachment()).abort();
      }
    }
  }
}

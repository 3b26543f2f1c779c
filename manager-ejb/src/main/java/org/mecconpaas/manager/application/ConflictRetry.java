package org.mecconpaas.manager.application;

import java.util.function.Supplier;

/**
 * Runs a user's command again when its commit lost a race with a reconcile pass or a heartbeat that
 * wrote the same rows (an optimistic lock: the service's version changed between the command's read
 * and its commit; a stop right after a start meets the start's own pass). Each attempt is a
 * transaction of its own, so call this from outside one; the command reads the rows anew every
 * time, and its checks (409, 422) judge what won the race.
 */
public final class ConflictRetry {
  static final int ATTEMPTS = 3;

  private ConflictRetry() {}

  public static <T> T retry(Supplier<T> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !lostARace(e)) {
          throw e;
        }
      }
    }
  }

  public static void run(Runnable command) {
    retry(
        () -> {
          command.run();
          return null;
        });
  }

  /** JPA's or EclipseLink's optimistic lock failure anywhere in the causes. */
  static boolean lostARace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t.getClass().getSimpleName().equals("OptimisticLockException")) {
        return true;
      }
    }
    return false;
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One reconcile pass per service at a time: the loop's tick and an early pass ({@link
 * EarlyReconcile}) would otherwise race on the same rows, and the loser's optimistic-lock failure
 * would count as a failing service and back it off. A pass that finds its service busy is skipped:
 * the running one, or the next tick, does the work.
 */
@ApplicationScoped
public class ReconcileGate {
  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  /**
   * Runs {@code pass} unless a pass of the service is running.
   *
   * @return whether it ran
   */
  public boolean runExclusive(long serviceId, Runnable pass) {
    if (!running.add(serviceId)) {
      return false;
    }
    try {
      pass.run();
      return true;
    } finally {
      running.remove(serviceId);
    }
  }
}

package org.mecconpaas.manager.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the access points' station lists into associations, one pass at a time: every second from
 * the {@link AccessPointLoop}, and at once after a heartbeat whose stations changed. When a client
 * moved, the services that follow their users get their reconcile pass right away, so follow-me
 * starts a migration within a fraction of a second of the access point's report.
 *
 * <p>The lock is taken outside the pass's transaction: a second pass must read what the first
 * committed, or both would record the same association.
 */
@ApplicationScoped
public class AssociationPass {
  private static final Logger LOG = Logger.getLogger(AssociationPass.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private ClientAssociations associations;
  @Inject private ServiceReconciler reconciler;
  @Inject private Event<ServiceChanged> changes;

  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean pending = new AtomicBoolean();

  /** One pass; services that follow their users hear of those of their users who moved. */
  public void run() {
    Set<String> moved;
    lock.lock();
    try {
      moved = associations.reconcile();
    } finally {
      lock.unlock();
    }
    if (!moved.isEmpty()) {
      // outside any transaction: EarlyReconcile's after-success observer runs at once
      reconciler.servicesFollowing(moved).forEach(id -> changes.fire(new ServiceChanged(id)));
    }
  }

  void stationsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StationsChanged change) {
    if (executor == null || !pending.compareAndSet(false, true)) {
      return;
    }
    executor.execute(
        () -> {
          pending.set(false);
          try {
            run();
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "early association pass failed; the next second's pass retries", e);
          }
        });
  }
}

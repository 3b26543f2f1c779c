package org.mecconpaas.manager.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a service's reconcile pass as soon as a change to it committed, on the executor: an API call
 * or a heartbeat never waits for it, and several changes before it runs make one pass. The {@link
 * ReconcileLoop}'s tick stays the safety net (and does the back-off of failing passes); a pass that
 * collides with the tick's on the same service fails on the optimistic lock and is simply left to
 * the tick. After the pass the agents are woken ({@link AgentWakeups}) to fetch what changed.
 */
@ApplicationScoped
public class EarlyReconcile {
  private static final Logger LOG = Logger.getLogger(EarlyReconcile.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private ServiceReconciler reconciler;
  @Inject private ReconcileGate gate;
  @Inject private AgentWakeups wakeups;

  private final Set<Long> pending = ConcurrentHashMap.newKeySet();

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceChanged change) {
    if (executor == null || !pending.add(change.serviceId())) {
      return;
    }
    executor.execute(
        () -> {
          pending.remove(change.serviceId());
          try {
            // the pass may have placed, removed or switched instances: every node's reply (its
            // instances, its router's routes) may differ, and no agent should wait for its beat
            if (gate.runExclusive(
                change.serviceId(), () -> reconciler.reconcile(change.serviceId()))) {
              wakeups.wakeAll();
            }
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "early pass of service " + change.serviceId() + " failed", e);
          }
        });
  }
}

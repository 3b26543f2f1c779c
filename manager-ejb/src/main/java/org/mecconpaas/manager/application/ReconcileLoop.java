package org.mecconpaas.manager.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;

/**
 * Runs a reconcile pass every second: node liveness first, then every service that is not at rest.
 * A service whose pass fails is retried with a back-off doubling from 1 s up to 30 s, and the
 * failure is written onto the service.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconcileLoop {
  private static final Logger LOG = Logger.getLogger(ReconcileLoop.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  @Inject private ServiceReconciler reconciler;
  @Inject private MasterSettings settings;
  @Inject private Clock clock;
  @Inject private ServiceFailures failures;
  @Inject private ReconcileGate gate;
  @Inject private Autoscaler autoscaler;

  /** Autoscaling looks at figures that arrive every few seconds: no need to decide every second. */
  private static final Duration AUTOSCALE_EVERY = Duration.ofSeconds(5);

  private Instant autoscaledAt = Instant.EPOCH;

  private final Map<Long, Backoff> backoffs = new HashMap<>();

  private record Backoff(Instant until, Duration delay) {}

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  public void pass() {
    try {
      reconciler.markSilentNodesDown(settings.nodeDownAfter());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "node liveness check failed", e);
    }
    Instant now = clock.instant();
    for (long serviceId : reconciler.servicesToReconcile()) {
      Backoff backoff = backoffs.get(serviceId);
      if (backoff != null && now.isBefore(backoff.until())) {
        continue;
      }
      try {
        if (gate.runExclusive(serviceId, () -> reconciler.reconcile(serviceId))) {
          backoffs.remove(serviceId);
        }
      } catch (RuntimeException e) {
        Duration delay =
            backoff == null ? Duration.ofSeconds(1) : min(backoff.delay().multipliedBy(2));
        backoffs.put(serviceId, new Backoff(now.plus(delay), delay));
        LOG.log(Level.WARNING, "reconcile of service " + serviceId + " failed", e);
        failures.record(
            serviceId, "reconcile failed, retrying in " + delay.toSeconds() + " s: " + e);
      }
    }
    autoscale(now);
  }

  /** Runs after the reconcile pass; a failing service does not stop the others. */
  private void autoscale(Instant now) {
    if (now.isBefore(autoscaledAt.plus(AUTOSCALE_EVERY))) {
      return;
    }
    autoscaledAt = now;
    List<Long> candidates;
    try {
      candidates = autoscaler.servicesToEvaluate();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "autoscaler could not list services", e);
      return;
    }
    for (long serviceId : candidates) {
      try {
        gate.runExclusive(serviceId, () -> autoscaler.evaluate(serviceId));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "autoscaling service " + serviceId + " failed", e);
      }
    }
  }

  private static Duration min(Duration delay) {
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}

package org.mecconpaas.manager.application;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.domain.model.service.Service;

/**
 * Moves a service's migrations on by one step per reconcile pass, in the pass's transaction (see
 * {@link Migration} for the steps). Idempotent like the rest of the pass: a step repeated after a
 * crash finds its work done (the destination's name is deterministic) and goes on.
 */
final class MigrationRunner {
  /** Routers get new routes with their next heartbeat; then requests in flight finish. */
  static final Duration DRAIN = Duration.ofSeconds(4);

  /** A destination that does not run by then is given up. */
  static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);

  private final EntityManager em;
  private final CloudDriver driver;
  private final AuditTrail audit;

  MigrationRunner(EntityManager em, CloudDriver driver, AuditTrail audit) {
    this.em = em;
    this.driver = driver;
    this.audit = audit;
  }

  /** Starts a migration of the instance to the node; the next passes carry it out. */
  static Migration start(
      EntityManager em,
      Service service,
      String instanceName,
      long nodeId,
      Migration.Trigger trigger,
      String detail,
      Instant now) {
    Instance instance =
        em.createQuery("SELECT i FROM Instance i WHERE i.name = :name", Instance.class)
            .setParameter("name", instanceName)
            .getSingleResult();
    Migration migration =
        new Migration(service, instance, em.find(Node.class, nodeId), trigger, detail, now);
    em.persist(migration);
    em.flush(); // the id names the destination
    migration.named();
    return migration;
  }

  static List<Migration> active(EntityManager em, Service service) {
    return em.createQuery(
            "SELECT m FROM Migration m WHERE m.service = :service AND m.state IN :active"
                + " ORDER BY m.id",
            Migration.class)
        .setParameter("service", service)
        .setParameter("active", List.of(Migration.State.CREATING, Migration.State.DRAINING))
        .getResultList();
  }

  /** One step of every active migration of the service. */
  void advance(Service service, Instant now) {
    for (Migration migration : active(em, service)) {
      Optional<Instance> old = instance(migration.instanceName());
      Optional<Instance> target = instance(migration.targetInstance());
      if (migration.state() == Migration.State.CREATING) {
        create(service, migration, old, target, now);
      } else {
        finish(service, migration, old, target, now);
      }
    }
  }

  private void create(
      Service service,
      Migration migration,
      Optional<Instance> old,
      Optional<Instance> target,
      Instant now) {
    if (old.isEmpty() || old.get().removing()) {
      rollBack(service, migration, target, "the instance to move is gone", now);
    } else if (target.isEmpty()) {
      driver.provision(
          new ProvisionRequest(
              service, migration.role(), migration.slot(), migration.to().id(), migration.id()));
      service.membershipChanged();
    } else if (migration.to().state() == NodeState.DOWN) {
      rollBack(service, migration, target, "destination " + migration.toNode() + " went down", now);
    } else if (target.get().state() == InstanceState.FAILED) {
      rollBack(
          service,
          migration,
          target,
          "destination instance failed: " + target.get().message(),
          now);
    } else if (target.get().state() == InstanceState.RUNNING) {
      // make before break: both serve until the routers have switched
      migration.switched(now);
      old.get().drain(now);
      service.membershipChanged();
    } else if (now.isAfter(migration.requestedAt().plus(CREATE_TIMEOUT))) {
      rollBack(service, migration, target, "destination did not run within 3 min", now);
    }
  }

  private void finish(
      Service service,
      Migration migration,
      Optional<Instance> old,
      Optional<Instance> target,
      Instant now) {
    if (now.isBefore(migration.switchedAt().plus(DRAIN))) {
      return;
    }
    old.ifPresent(o -> driver.release(o.name()));
    target.ifPresent(t -> t.takeOverSlot(now));
    migration.done(now);
    service.membershipChanged();
    record(service, migration, "instance.migrated", timings(migration));
  }

  private void rollBack(
      Service service, Migration migration, Optional<Instance> target, String reason, Instant now) {
    target.ifPresent(t -> driver.release(t.name()));
    instance(migration.instanceName()).ifPresent(o -> o.undrain(now));
    migration.rolledBack(reason, now);
    service.membershipChanged();
    audit.failure(
        "reconcile",
        "instance.migrate",
        service.application().owner().id(),
        service.application().name(),
        service.name(),
        migration.instanceName()
            + " -> "
            + migration.toNode()
            + " rolled back: "
            + reason
            + "; "
            + migration.instanceName()
            + " serves on");
  }

  private void record(Service service, Migration migration, String action, String detail) {
    audit.success(
        "reconcile",
        action,
        service.application().owner().id(),
        service.application().name(),
        service.name(),
        detail);
  }

  static String timings(Migration m) {
    return m.instanceName()
        + " "
        + m.fromNode()
        + " -> "
        + m.toNode()
        + " ("
        + m.trigger().name().toLowerCase(java.util.Locale.ROOT)
        + "): destination running after "
        + millis(m.requestedAt(), m.healthyAt())
        + " ms, routers switched at once, old instance removed after "
        + millis(m.switchedAt(), m.finishedAt())
        + " ms of draining; total "
        + millis(m.requestedAt(), m.finishedAt())
        + " ms";
  }

  private static long millis(Instant from, Instant to) {
    return from == null || to == null ? -1 : Duration.between(from, to).toMillis();
  }

  private Optional<Instance> instance(String name) {
    return em.createQuery("SELECT i FROM Instance i WHERE i.name = :name", Instance.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.domain.model.placement.NodeCapacity;
import org.mecconpaas.manager.domain.model.placement.PlacementSpec;
import org.mecconpaas.manager.domain.model.placement.ResourceRequest;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/**
 * Migrations users ask for: move one instance to a node, or to the node nearest a point. The
 * request is checked and recorded here; the reconcile loop carries it out make-before-break and
 * rolls it back if the destination fails ({@link MigrationRunner}).
 */
@ApplicationScoped
@Transactional
public class Migrations {
  /** Where to: a node by name, or the eligible node nearest to a point. */
  public record Destination(String node, Double latitude, Double longitude) {}

  @PersistenceContext(unitName = "mec")
  private EntityManager em;

  private ServiceOperations services;
  private ServiceReconciler reconciler;
  private AuditTrail audit;
  private Clock clock;

  protected Migrations() {}

  @Inject
  public Migrations(
      ServiceOperations services, ServiceReconciler reconciler, AuditTrail audit, Clock clock) {
    this.services = services;
    this.reconciler = reconciler;
    this.audit = audit;
    this.clock = clock;
  }

  /** For tests outside the container. */
  public Migrations(
      EntityManager em,
      ServiceOperations services,
      ServiceReconciler reconciler,
      AuditTrail audit,
      Clock clock) {
    this(services, reconciler, audit, clock);
    this.em = em;
  }

  public Migration request(
      Caller caller, String app, String svc, String instanceName, Destination to) {
    Service service = services.find(caller, app, svc);
    Instance instance = services.instance(caller, app, svc, instanceName);
    if (service.desiredState() != ServiceState.RUNNING) {
      throw new StateConflict("service " + svc + " is not running: there is nothing to move");
    }
    if (instance.removing() || instance.migrationId() != null || instance.draining()) {
      throw new StateConflict("instance " + instanceName + " is being removed or moved already");
    }
    if (MigrationRunner.active(em, service).stream()
        .anyMatch(m -> m.instanceName().equals(instanceName))) {
      throw new StateConflict("instance " + instanceName + " is being moved already");
    }
    NodeCapacity target = destination(service, instance, to);
    Migration migration =
        MigrationRunner.start(
            em,
            service,
            instanceName,
            target.nodeId(),
            Migration.Trigger.MANUAL,
            "requested by " + caller.username(),
            clock.instant());
    audit.success(
        caller.username(),
        "instance.migrate",
        caller.userId(),
        service.application().name(),
        service.name(),
        instanceName + " -> " + target.name());
    return migration;
  }

  /** The service's migrations, newest first. */
  public List<Migration> list(Caller caller, String app, String svc) {
    Service service = services.find(caller, app, svc);
    return em.createQuery(
            "SELECT m FROM Migration m WHERE m.service = :service ORDER BY m.id DESC",
            Migration.class)
        .setParameter("service", service)
        .setMaxResults(200)
        .getResultList();
  }

  private NodeCapacity destination(Service service, Instance instance, Destination to) {
    if (to == null || (to.node() == null) == (to.latitude() == null || to.longitude() == null)) {
      throw new MalformedRequest("give either node or latitude and longitude");
    }
    ResourceRequest request =
        ResourceRequest.of(ServiceOperations.type(service.type()), instance.role());
    PlacementSpec spec = reconciler.specFor(service);
    Long current = instance.node() == null ? null : instance.node().id();
    List<NodeCapacity> nodes = reconciler.nodesFor(service);
    if (to.node() != null) {
      NodeCapacity node =
          nodes.stream()
              .filter(n -> n.name().equals(to.node()))
              .findFirst()
              .orElseThrow(() -> new RuleViolation("node", "no node " + to.node()));
      Optional<String> problem = problem(node, current, request, spec);
      if (problem.isPresent()) {
        throw new RuleViolation("node", problem.get());
      }
      return node;
    }
    GeoPoint point;
    try {
      point = new GeoPoint(to.latitude(), to.longitude());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("latitude", e.getMessage());
    }
    return nodes.stream()
        .filter(n -> n.position() != null && problem(n, current, request, spec).isEmpty())
        .min(
            Comparator.comparingDouble((NodeCapacity n) -> n.position().distanceMeters(point))
                .thenComparing(NodeCapacity::name))
        .orElseThrow(
            () ->
                new RuleViolation(
                    "latitude", "no node can take " + instance.name() + " near that point"));
  }

  private static Optional<String> problem(
      NodeCapacity node, Long current, ResourceRequest request, PlacementSpec spec) {
    if (current != null && node.nodeId() == current) {
      return Optional.of("the instance runs on " + node.name() + " already");
    }
    if (!node.schedulable()) {
      return Optional.of(node.name() + " takes no instances now (down or drained)");
    }
    if (!node.fits(request)) {
      return Optional.of(node.name() + " has no room for it");
    }
    if (!node.labels().containsAll(spec.labels())) {
      return Optional.of(node.name() + " lacks the labels " + spec.labels());
    }
    return Optional.empty();
  }
}

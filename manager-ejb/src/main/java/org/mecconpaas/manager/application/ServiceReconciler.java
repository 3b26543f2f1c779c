package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.placement.CurrentInstance;
import org.mecconpaas.manager.domain.model.placement.FollowMe;
import org.mecconpaas.manager.domain.model.placement.NodeCapacity;
import org.mecconpaas.manager.domain.model.placement.PlacementPlan;
import org.mecconpaas.manager.domain.model.placement.PlacementPlanner;
import org.mecconpaas.manager.domain.model.placement.PlacementSpec;
import org.mecconpaas.manager.domain.model.placement.ResourceRequest;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.domain.model.service.ObservedState;
import org.mecconpaas.manager.domain.model.service.PlacementConstraints;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.CodeVersionRepository;
import org.mecconpaas.manager.infrastructure.persistence.InstanceRepository;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;

/**
 * One reconcile pass over one service, in its own transaction: plan placement from the spec and
 * what is observed, apply the plan through the cloud driver, then derive the service's state.
 * Idempotent: a pass over a settled service changes nothing.
 */
@ApplicationScoped
public class ServiceReconciler {

  @PersistenceContext(unitName = "mec")
  private EntityManager em;

  private InstanceRepository instances;
  private NodeRepository nodes;
  private CloudDriver driver;
  private AuditTrail audit;
  private Clock clock;

  protected ServiceReconciler() {}

  @Inject
  public ServiceReconciler(
      InstanceRepository instances,
      NodeRepository nodes,
      org.mecconpaas.manager.infrastructure.edge.EdgeAgentDriver driver,
      AuditTrail audit,
      Clock clock) {
    this.instances = instances;
    this.nodes = nodes;
    this.driver = driver;
    this.audit = audit;
    this.clock = clock;
  }

  /** For tests outside the container. */
  public ServiceReconciler(
      EntityManager em,
      InstanceRepository instances,
      NodeRepository nodes,
      CloudDriver driver,
      AuditTrail audit,
      Clock clock) {
    this(instances, nodes, null, audit, clock);
    this.em = em;
    this.driver = driver;
  }

  /**
   * Services to run whose instances follow their users (near-users with a farthest distance) and
   * whose users include one of {@code clients}: a move of theirs may call for a migration.
   */
  @Transactional
  public List<Long> servicesFollowing(java.util.Set<String> clients) {
    return em
        .createQuery(
            "SELECT s FROM Service s WHERE s.placementPolicy = :policy"
                + " AND s.desiredState = :running ORDER BY s.id",
            Service.class)
        .setParameter("policy", PlacementPolicy.NEAR_USERS)
        .setParameter("running", ServiceState.RUNNING)
        .getResultList()
        .stream()
        .filter(ServiceReconciler::followsItsUsers)
        .filter(
            s ->
                s.placement().users().isEmpty()
                    || s.placement().users().stream().anyMatch(clients::contains))
        .map(Service::id)
        .toList();
  }

  /** Services that may have something to do: neither at INIT nor settled in STOPPED. */
  @Transactional
  public List<Long> servicesToReconcile() {
    return em.createQuery(
            "SELECT s.id FROM Service s WHERE s.state IN :states ORDER BY s.id", Long.class)
        .setParameter(
            "states",
            List.of(
                ServiceState.PROLOGUE,
                ServiceState.RUNNING,
                ServiceState.ADAPTING,
                ServiceState.EPILOGUE,
                ServiceState.ERROR))
        .getResultList();
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void reconcile(long serviceId) {
    Service service = em.find(Service.class, serviceId);
    if (service == null || service.state() == ServiceState.INIT) {
      return; // never started: nothing to place, and INIT is not derived from instances
    }
    Instant now = clock.instant();
    boolean running = service.desiredState() == ServiceState.RUNNING;
    // a removal only its node can confirm: a node that went DOWN never will
    instances.of(service).stream()
        .filter(i -> i.removing() && (i.node() == null || i.node().state() == NodeState.DOWN))
        .forEach(i -> driver.release(i.name()));
    PlacementPlan plan =
        planner(service)
            .plan(
                running ? ServiceOperations.inCatalogOrder(service, Map.of()) : Map.of(),
                spec(service),
                current(service),
                capacities(service));
    apply(service, plan);
    MigrationRunner migrations = new MigrationRunner(em, driver, audit);
    migrations.advance(service, now);
    if (running && followUsers(service, now)) {
      // the destination is provisioned in this very pass: its agent is woken after it, where the
      // next pass may be a tick away (a second or more of the user's hand-over)
      migrations.advance(service, now);
    }
    rollBackRefusedCode(service, now);
    List<ObservedState.Member> members =
        instances.of(service).stream()
            .map(
                i ->
                    new ObservedState.Member(
                        i.name(),
                        i.state(),
                        i.message(),
                        i.removing(),
                        i.node() != null && i.node().state() == NodeState.UP))
            .toList();
    int wanted = service.roles().values().stream().mapToInt(Integer::intValue).sum();
    ObservedState observed =
        ObservedState.derive(
            service.state(), service.desiredState(), wanted, members, plan.unplaceable().size());
    ServiceState previous = service.observe(observed.state(), observed.message(), now);
    if (previous != observed.state()) {
      audit.success(
          "reconcile",
          "service.state",
          service.application().owner().id(),
          service.application().name(),
          service.name(),
          previous
              + " -> "
              + observed.state()
              + (observed.message() == null ? "" : " (" + observed.message() + ")"));
    }
  }

  /**
   * A catalog role refused the active code version (its init.sh or switch.sh failed; the agent
   * keeps serving the version before): the service goes back to that version, and the refused one
   * says why. A generic service has no version to fall back to in its instances, so it shows the
   * failure (ERROR) instead.
   */
  private void rollBackRefusedCode(Service service, Instant now) {
    Integer refused = service.activeCodeVersion();
    if ("generic".equals(service.type()) || refused == null) {
      return;
    }
    instances.of(service).stream()
        .filter(i -> !i.removing() && i.state() == InstanceState.FAILED)
        .filter(i -> refused.equals(i.codeVersion()) && refusedCode(i.message()))
        .findFirst()
        .ifPresent(
            refuser ->
                service
                    .rollBack(now)
                    .ifPresent(
                        back -> {
                          new CodeVersionRepository(em)
                              .byVersion(service, refused)
                              .ifPresent(v -> v.refuse(refuser.name() + ": " + refuser.message()));
                          audit.success(
                              "reconcile",
                              "code.rollback",
                              service.application().owner().id(),
                              service.application().name(),
                              service.name(),
                              "version "
                                  + refused
                                  + " refused by "
                                  + refuser.name()
                                  + " ("
                                  + refuser.message()
                                  + "); back to version "
                                  + back);
                        }));
  }

  private static boolean refusedCode(String message) {
    return message != null
        && (message.startsWith("init.sh exited") || message.startsWith("switch.sh exited"));
  }

  private void apply(Service service, PlacementPlan plan) {
    plan.removals().forEach(driver::release);
    for (PlacementPlan.Placement placement : plan.moves()) {
      driver.provision(request(service, placement));
    }
    for (PlacementPlan.Placement placement : plan.creates()) {
      driver.provision(request(service, placement));
    }
    if (plan.changesMembership()) {
      service.membershipChanged();
    }
  }

  private static ProvisionRequest request(Service service, PlacementPlan.Placement placement) {
    return new ProvisionRequest(
        service, placement.slot().role(), placement.slot().slot(), placement.nodeId());
  }

  /** The slots' instances: a migration's destination is not one until it takes over. */
  private List<CurrentInstance> current(Service service) {
    return instances.of(service).stream()
        .filter(i -> !i.removing() && i.migrationId() == null)
        .map(
            i ->
                new CurrentInstance(
                    i.name(), i.role(), i.slot(), i.node() == null ? null : i.node().id()))
        .toList();
  }

  private List<NodeCapacity> capacities(Service service) {
    Map<Long, Long> total = instances.countsPerNode();
    Map<Long, ResourceRequest> use = instances.usePerNode();
    Map<Long, Long> ofService =
        instances.of(service).stream()
            .filter(i -> !i.removing() && i.node() != null)
            .collect(
                java.util.stream.Collectors.groupingBy(
                    i -> i.node().id(), java.util.stream.Collectors.counting()));
    return nodes.all().stream()
        .map(
            n -> {
              ResourceRequest used = use.getOrDefault(n.id(), new ResourceRequest(0, 0));
              return new NodeCapacity(
                  n.id(),
                  n.name(),
                  n.cpuMillis(),
                  n.memoryMiB(),
                  n.isSchedulable(),
                  n.state() == NodeState.UP,
                  used.cpuMillis(),
                  used.memoryMiB(),
                  ofService.getOrDefault(n.id(), 0L).intValue(),
                  total.getOrDefault(n.id(), 0L).intValue(),
                  n.position(),
                  n.labels());
            })
        .toList();
  }

  /** The service's placement policy with its constraints and where its users are now. */
  private PlacementSpec spec(Service service) {
    PlacementConstraints constraints = service.placement();
    return new PlacementSpec(
        service.placementPolicy(),
        constraints.near(),
        constraints.nearRadiusMeters(),
        constraints.labels(),
        new UserLocations(em).accessPoints(service));
  }

  /** A {@code near-users} service with a farthest distance: its instances follow its users. */
  private static boolean followsItsUsers(Service service) {
    return service.placementPolicy() == PlacementPolicy.NEAR_USERS
        && service.placement().maxUserDistanceMeters().isPresent();
  }

  /**
   * Follow-me: a {@code near-users} service with a farthest distance moves the instance nearest to
   * a user who is farther than that to the node nearest the user, one migration at a time. Whether
   * it started one.
   */
  private boolean followUsers(Service service, Instant now) {
    if (!followsItsUsers(service) || !MigrationRunner.active(em, service).isEmpty()) {
      return false;
    }
    List<FollowMe.Serving> serving =
        instances.of(service).stream()
            .filter(i -> !i.removing() && i.migrationId() == null && i.node() != null)
            .filter(i -> i.state() == InstanceState.RUNNING && i.node().state() == NodeState.UP)
            .map(i -> new FollowMe.Serving(i.name(), i.role(), i.node().id(), i.node().position()))
            .toList();
    ServiceType type = ServiceOperations.type(service.type());
    Optional<FollowMe.Move> move =
        FollowMe.plan(
            serving,
            new UserLocations(em).accessPoints(service),
            capacities(service),
            service.placement().maxUserDistanceMeters().get(),
            spec(service),
            role -> ResourceRequest.of(type, role));
    move.ifPresent(
        m ->
            MigrationRunner.start(
                em,
                service,
                m.instance(),
                m.nodeId(),
                Migration.Trigger.FOLLOW_ME,
                m.reason(),
                now));
    return move.isPresent();
  }

  /** Instances of the service's roles take what the catalog gives each role. */
  private static PlacementPlanner planner(Service service) {
    ServiceType type = ServiceOperations.type(service.type());
    return new PlacementPlanner(role -> ResourceRequest.of(type, role));
  }

  /** Every node as placement sees it for the service now (room, position, labels). */
  @Transactional
  public List<NodeCapacity> nodesFor(Service service) {
    return capacities(service);
  }

  @Transactional
  public PlacementSpec specFor(Service service) {
    return spec(service);
  }

  /** Whether the spec's instances would all find room now, without changing anything. */
  @Transactional
  public List<PlacementPlan.Slot> unplaceable(Service service, Map<String, Integer> roles) {
    return planner(service)
        .plan(
            ServiceOperations.inCatalogOrder(service, roles),
            spec(service),
            current(service),
            capacities(service))
        .unplaceable();
  }

  /** Marks nodes that stopped sending heartbeats as DOWN; placement moves their instances. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<String> markSilentNodesDown(java.time.Duration silence) {
    Instant deadline = clock.instant().minus(silence);
    List<String> down = new java.util.ArrayList<>();
    for (Node node : nodes.all()) {
      if (node.missedHeartbeats(deadline)) {
        node.markDown();
        down.add(node.name());
        audit.success(
            "reconcile", "node.down", null, null, null, node.name() + " missed its heartbeats");
      }
    }
    return down;
  }
}

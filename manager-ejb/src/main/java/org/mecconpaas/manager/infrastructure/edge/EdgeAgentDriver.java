package org.mecconpaas.manager.infrastructure.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.InstanceStatus;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;

/** Provisions on edge nodes through their agents' heartbeats. Runs in the caller's transaction. */
@ApplicationScoped
public class EdgeAgentDriver implements CloudDriver {
  /**
   * Each instance gets its own block of {@link #PORT_BLOCK} ports from its {@code port} on (its
   * {@code MY_PORT} .. {@code MY_PORT+9}: middleware such as Flink needs several), so instances
   * sharing a node's address do not collide.
   */
  static final int FIRST_PORT = 20000;

  static final int PORT_BLOCK = 10;

  static final int PORTS = 20000;

  private static final Map<InstanceState, InstanceStatus> STATUS =
      Map.of(
          InstanceState.PENDING, InstanceStatus.PENDING,
          InstanceState.STARTING, InstanceStatus.STARTING,
          InstanceState.RUNNING, InstanceStatus.RUNNING,
          InstanceState.FAILED, InstanceStatus.FAILED,
          InstanceState.STOPPED, InstanceStatus.RELEASED);

  @PersistenceContext(unitName = "mec")
  private EntityManager em;

  private Clock clock;

  protected EdgeAgentDriver() {}

  @Inject
  public EdgeAgentDriver(Clock clock) {
    this.clock = clock;
  }

  /** For tests outside the container. */
  public EdgeAgentDriver(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "edge-agent";
  }

  @Override
  public void provision(ProvisionRequest request) {
    Node node = em.find(Node.class, request.nodeId());
    String name =
        Instance.nameOf(request.service().id(), request.role(), request.slot())
            + (request.migrationId() == null ? "" : "-m" + request.migrationId());
    Optional<Instance> existing = find(name);
    if (existing.isPresent()) {
      Instance instance = existing.get();
      if (instance.node() != null && instance.node().id().equals(node.id())) {
        instance.keep(clock.instant()); // adopt: same node, same container
      } else {
        instance.moveTo(node, clock.instant());
        instance.assignPort(freePort(node, instance));
      }
      return;
    }
    Instance instance =
        request.migrationId() == null
            ? new Instance(
                request.service(), request.role(), request.slot(), node, 0, clock.instant())
            : new Instance(
                request.service(),
                request.role(),
                request.slot(),
                node,
                request.migrationId(),
                clock.instant());
    instance.assignPort(freePort(node, instance));
    em.persist(instance);
  }

  /**
   * The lowest block start whose block overlaps no other instance's block on the node: instances
   * share the node's address.
   */
  private int freePort(Node node, Instance instance) {
    java.util.Set<Integer> taken =
        new java.util.HashSet<>(
            em.createQuery(
                    "SELECT i.port FROM Instance i WHERE i.node.id = :node AND i.name <> :self",
                    Integer.class)
                .setParameter("node", node.id())
                .setParameter("self", instance.name())
                .getResultList());
    for (int port = FIRST_PORT; port + PORT_BLOCK <= FIRST_PORT + PORTS; port += PORT_BLOCK) {
      int start = port;
      if (taken.stream().noneMatch(t -> Math.abs(t - start) < PORT_BLOCK)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port left on node " + node.name());
  }

  @Override
  public InstanceStatus describe(String instanceName) {
    return find(instanceName)
        .map(
            i ->
                i.removing()
                    ? InstanceStatus.RELEASED
                    : STATUS.getOrDefault(i.state(), InstanceStatus.UNRECOGNIZED))
        .orElse(InstanceStatus.RELEASED);
  }

  @Override
  public void release(String instanceName) {
    find(instanceName)
        .ifPresent(
            instance -> {
              if (instance.node() == null
                  || instance.node().state()
                      == org.mecconpaas.manager.domain.model.node.NodeState.DOWN) {
                em.remove(instance); // nobody left to confirm the removal
              } else {
                instance.remove(clock.instant());
              }
            });
  }

  private Optional<Instance> find(String name) {
    return em.createQuery("SELECT i FROM Instance i WHERE i.name = :name", Instance.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}

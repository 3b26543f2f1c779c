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
  /** Each instance gets its own port, so instances sharing a node's address do not collide. */
  static final int FIRST_PORT = 20000;

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
    String name = Instance.nameOf(request.service().id(), request.role(), request.slot());
    Optional<Instance> existing = find(name);
    if (existing.isPresent()) {
      existing.get().moveTo(node, clock.instant());
      return;
    }
    Instance instance =
        new Instance(request.service(), request.role(), request.slot(), node, 0, clock.instant());
    em.persist(instance);
    em.flush();
    instance.assignPort(FIRST_PORT + (int) (instance.id() % PORTS));
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

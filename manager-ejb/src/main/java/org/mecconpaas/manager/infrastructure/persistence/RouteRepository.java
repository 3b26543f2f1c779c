package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.client.RoutePort;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/**
 * What the access-point routers need: the route port of each user-facing service, the services that
 * should be routed and the instances that may serve them.
 */
@ApplicationScoped
public class RouteRepository extends JpaRepository {
  protected RouteRepository() {}

  public RouteRepository(EntityManager em) {
    super(em);
  }

  public void add(RoutePort port) {
    em.persist(port);
  }

  /** Service id to its route port. */
  public Map<Long, Integer> ports() {
    Map<Long, Integer> ports = new LinkedHashMap<>();
    em.createNamedQuery("RoutePort.all", RoutePort.class)
        .getResultList()
        .forEach(p -> ports.put(p.serviceId(), p.port()));
    return ports;
  }

  /** Ids of every service of these catalog types, in any state. */
  public List<Long> servicesOfTypes(Collection<String> types) {
    return em.createQuery(
            "SELECT s.id FROM Service s WHERE s.type IN :types ORDER BY s.id", Long.class)
        .setParameter("types", types)
        .getResultList();
  }

  /** Services of these types that should run, with their applications. */
  public List<Service> runningServicesOfTypes(Collection<String> types) {
    return em.createQuery(
            "SELECT s FROM Service s JOIN FETCH s.application WHERE s.type IN :types AND"
                + " s.desiredState = :running ORDER BY s.id",
            Service.class)
        .setParameter("types", types)
        .setParameter("running", ServiceState.RUNNING)
        .getResultList();
  }

  /**
   * Instances of services of these types that should run, which run and are not being removed, on
   * nodes that are not DOWN, with their nodes; those replaced by a migration (draining) too: routes
   * put them last.
   */
  public List<Instance> servingInstances(Collection<String> types) {
    return em.createQuery(
            "SELECT i FROM Instance i JOIN FETCH i.node WHERE i.service.type IN :types AND"
                + " i.service.desiredState = :running AND i.state = :up AND i.removing = false"
                + " AND i.node.state <> :down",
            Instance.class)
        .setParameter("types", types)
        .setParameter("running", ServiceState.RUNNING)
        .setParameter("up", InstanceState.RUNNING)
        .setParameter("down", NodeState.DOWN)
        .getResultList();
  }
}

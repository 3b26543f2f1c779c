package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.ResourceRequest;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Service;

/** Instances by service and by node, and the per-node counts placement needs. */
@ApplicationScoped
public class InstanceRepository extends JpaRepository {
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  protected InstanceRepository() {}

  public InstanceRepository(EntityManager em) {
    super(em);
  }

  public Instance add(Instance instance) {
    return insert(instance);
  }

  public List<Instance> of(Service service) {
    return em.createNamedQuery("Instance.ofService", Instance.class)
        .setParameter("serviceId", service.id())
        .getResultList();
  }

  public List<Instance> on(Node node) {
    return em.createNamedQuery("Instance.onNode", Instance.class)
        .setParameter("nodeId", node.id())
        .getResultList();
  }

  /** Node id to number of instances placed there and not being removed, of all services. */
  public Map<Long, Long> countsPerNode() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT i.node.id, COUNT(i) FROM Instance i WHERE i.removing = false AND i.node IS NOT"
                + " NULL GROUP BY i.node.id",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }

  /**
   * What the placed instances take from each node: the sum of their roles' requests, as placement
   * never overcommits.
   */
  public Map<Long, ResourceRequest> usePerNode() {
    Map<Long, ResourceRequest> use = new HashMap<>();
    em.createQuery(
            "SELECT i.node.id, i.service.type, i.role, COUNT(i) FROM Instance i WHERE i.removing"
                + " = false AND i.node IS NOT NULL GROUP BY i.node.id, i.service.type, i.role",
            Object[].class)
        .getResultList()
        .forEach(
            row -> {
              ResourceRequest one =
                  CATALOG
                      .find((String) row[1])
                      .map(t -> ResourceRequest.of(t, (String) row[2]))
                      .orElse(ResourceRequest.DEFAULT);
              int count = ((Long) row[3]).intValue();
              ResourceRequest all =
                  new ResourceRequest(one.cpuMillis() * count, one.memoryMiB() * count);
              use.merge((Long) row[0], all, ResourceRequest::plus);
            });
    return use;
  }

  public long count() {
    return em.createQuery("SELECT COUNT(i) FROM Instance i", Long.class).getSingleResult();
  }
}

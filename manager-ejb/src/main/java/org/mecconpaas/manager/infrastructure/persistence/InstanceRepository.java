package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Service;

/** Instances by service and by node, and the per-node counts placement needs. */
@ApplicationScoped
public class InstanceRepository extends JpaRepository {
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

  public long count() {
    return em.createQuery("SELECT COUNT(i) FROM Instance i", Long.class).getSingleResult();
  }
}

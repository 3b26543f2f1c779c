package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/**
 * Aggregates for the portal's overview pages, each in one query whatever the number of nodes or
 * services. An {@code ownerId} of null means every tenant (operators).
 */
@ApplicationScoped
public class DashboardRepository extends JpaRepository {
  private static final String OF_OWNER = " AND i.service.application.owner.id = :ownerId";

  /** One service as a listing shows it, read as plain columns rather than entities. */
  public record ServiceRow(
      String application,
      String service,
      String type,
      ServiceState state,
      String phaseMessage,
      Instant updatedAt) {}

  protected DashboardRepository() {}

  public DashboardRepository(EntityManager em) {
    super(em);
  }

  /** Node id to number of instances placed there and not being removed. */
  public Map<Long, Long> instancesPerNode(Long ownerId) {
    TypedQuery<Object[]> query =
        em.createQuery(
            "SELECT i.node.id, COUNT(i) FROM Instance i WHERE i.removing = false"
                + " AND i.node IS NOT NULL"
                + (ownerId == null ? "" : OF_OWNER)
                + " GROUP BY i.node.id",
            Object[].class);
    if (ownerId != null) {
      query.setParameter("ownerId", ownerId);
    }
    Map<Long, Long> counts = new HashMap<>();
    query.getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }

  /** Instances on one node, with their service and application loaded. */
  public List<Instance> instancesOn(long nodeId, Long ownerId) {
    TypedQuery<Instance> query =
        em.createQuery(
            "SELECT i FROM Instance i JOIN FETCH i.service s JOIN FETCH s.application a"
                + " WHERE i.node.id = :nodeId"
                + (ownerId == null ? "" : " AND a.owner.id = :ownerId")
                + " ORDER BY a.name, s.name, i.role, i.slot",
            Instance.class);
    query.setParameter("nodeId", nodeId);
    if (ownerId != null) {
      query.setParameter("ownerId", ownerId);
    }
    return query.getResultList();
  }

  /** Every service of one owner, by application and name. */
  public List<ServiceRow> servicesOf(long ownerId) {
    return em
        .createQuery(
            "SELECT a.name, s.name, s.type, s.state, s.phaseMessage, s.updatedAt FROM Service s"
                + " JOIN s.application a WHERE a.owner.id = :ownerId ORDER BY a.name, s.name",
            Object[].class)
        .setParameter("ownerId", ownerId)
        .getResultList()
        .stream()
        .map(
            r ->
                new ServiceRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (ServiceState) r[3],
                    (String) r[4],
                    (Instant) r[5]))
        .toList();
  }

  /** Services of one owner per state. */
  public Map<ServiceState, Long> servicesByState(long ownerId) {
    Map<ServiceState, Long> counts = new EnumMap<>(ServiceState.class);
    em.createQuery(
            "SELECT s.state, COUNT(s) FROM Service s WHERE s.application.owner.id = :ownerId"
                + " GROUP BY s.state",
            Object[].class)
        .setParameter("ownerId", ownerId)
        .getResultList()
        .forEach(row -> counts.put((ServiceState) row[0], (Long) row[1]));
    return counts;
  }

  /** Instances of one owner's services that are not being removed. */
  public long instancesOf(long ownerId) {
    return em.createQuery(
            "SELECT COUNT(i) FROM Instance i WHERE i.removing = false" + OF_OWNER, Long.class)
        .setParameter("ownerId", ownerId)
        .getSingleResult();
  }
}

package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.application.Application;

/** Applications, always looked up within one owner: the tenant boundary lives in the queries. */
@ApplicationScoped
public class ApplicationRepository extends JpaRepository {
  protected ApplicationRepository() {}

  public ApplicationRepository(EntityManager em) {
    super(em);
  }

  public Application add(Application application) {
    return insert(application);
  }

  public Optional<Application> byOwnerAndName(long ownerId, String name) {
    return first(
        em.createNamedQuery("Application.byOwnerAndName", Application.class)
            .setParameter("ownerId", ownerId)
            .setParameter("name", name));
  }

  public List<Application> ofOwner(long ownerId) {
    return em.createNamedQuery("Application.ofOwner", Application.class)
        .setParameter("ownerId", ownerId)
        .getResultList();
  }

  public long countOfOwner(long ownerId) {
    return em.createNamedQuery("Application.countOfOwner", Long.class)
        .setParameter("ownerId", ownerId)
        .getSingleResult();
  }

  /** Application id to number of services, for one owner, in one query. */
  public Map<Long, Long> serviceCounts(long ownerId) {
    Map<Long, Long> counts = new HashMap<>();
    em.createNamedQuery("Service.countByApplication", Object[].class)
        .setParameter("ownerId", ownerId)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }
}

package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.Service;

/** Services within their application. */
@ApplicationScoped
public class ServiceRepository extends JpaRepository {
  protected ServiceRepository() {}

  public ServiceRepository(EntityManager em) {
    super(em);
  }

  public Service add(Service service) {
    return insert(service);
  }

  public Optional<Service> byName(Application application, String name) {
    return first(
        em.createNamedQuery("Service.byApplicationAndName", Service.class)
            .setParameter("appId", application.id())
            .setParameter("name", name));
  }

  /** Serialises concurrent changes that derive numbers from a service, e.g. code versions. */
  public void lock(Service service) {
    em.lock(service, LockModeType.PESSIMISTIC_WRITE);
  }

  public List<Service> of(Application application) {
    return em.createNamedQuery("Service.ofApplication", Service.class)
        .setParameter("appId", application.id())
        .getResultList();
  }
}

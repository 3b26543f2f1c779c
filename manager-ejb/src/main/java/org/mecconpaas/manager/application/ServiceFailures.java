package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.mecconpaas.manager.domain.model.service.Service;

/** Writes a failed reconcile pass onto its service, where the developer sees it. */
@ApplicationScoped
public class ServiceFailures {
  @PersistenceContext(unitName = "mec")
  private EntityManager em;

  @Inject private Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public void record(long serviceId, String message) {
    Service service = em.find(Service.class, serviceId);
    if (service != null) {
      service.observe(
          service.state(),
          message.length() > 1000 ? message.substring(0, 1000) : message,
          clock.instant());
    }
  }
}

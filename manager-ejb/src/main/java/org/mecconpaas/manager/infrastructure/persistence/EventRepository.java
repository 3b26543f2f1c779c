package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.application.EventFilter;
import org.mecconpaas.manager.application.Page;
import org.mecconpaas.manager.domain.model.event.Event;

/** The audit trail, filtered and paged newest first. */
@ApplicationScoped
public class EventRepository extends JpaRepository {
  protected EventRepository() {}

  public EventRepository(EntityManager em) {
    super(em);
  }

  public void add(Event event) {
    em.persist(event);
  }

  public Page<Event> find(EventFilter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (filter.ownerId() != null) {
      where.append(" AND e.ownerId = :ownerId");
      parameters.put("ownerId", filter.ownerId());
    }
    if (filter.application() != null) {
      where.append(" AND e.application = :application");
      parameters.put("application", filter.application());
    }
    if (filter.service() != null) {
      where.append(" AND e.service = :service");
      parameters.put("service", filter.service());
    }
    TypedQuery<Event> items =
        em.createQuery("SELECT e FROM Event e" + where + " ORDER BY e.id DESC", Event.class)
            .setFirstResult(filter.page() * filter.size())
            .setMaxResults(filter.size());
    TypedQuery<Long> total = em.createQuery("SELECT COUNT(e) FROM Event e" + where, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          total.setParameter(name, value);
        });
    return new Page<>(items.getResultList(), filter.page(), filter.size(), total.getSingleResult());
  }

  public List<Event> latest(int count) {
    return em.createQuery("SELECT e FROM Event e ORDER BY e.id DESC", Event.class)
        .setMaxResults(count)
        .getResultList();
  }
}

package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.TreeMap;

/** Counts over the whole platform, for health checks and operator metrics. */
@ApplicationScoped
public class StatisticsRepository extends JpaRepository {
  protected StatisticsRepository() {}

  public StatisticsRepository(EntityManager em) {
    super(em);
  }

  /** Number of rows of an entity, e.g. {@code User}. */
  public long count(String entity) {
    return em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult();
  }

  /** Number of rows of an entity per value of one of its attributes. */
  public Map<String, Long> countBy(String entity, String attribute) {
    Map<String, Long> counts = new TreeMap<>();
    em.createQuery(
            "SELECT x." + attribute + ", COUNT(x) FROM " + entity + " x GROUP BY x." + attribute,
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put(String.valueOf(row[0]), (Long) row[1]));
    return counts;
  }
}

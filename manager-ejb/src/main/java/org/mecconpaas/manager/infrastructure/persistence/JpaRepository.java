package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;

/** What every repository shares: the entity manager and a few query helpers. */
abstract class JpaRepository {
  @PersistenceContext(unitName = "mec")
  protected EntityManager em;

  protected JpaRepository() {}

  /** For tests outside the container, with a resource-local entity manager. */
  protected JpaRepository(EntityManager em) {
    this.em = em;
  }

  protected static <T> Optional<T> first(TypedQuery<T> query) {
    return query.setMaxResults(1).getResultStream().findFirst();
  }

  /** Inserts now, so constraint violations surface inside the caller's try block. */
  protected <T> T insert(T entity) {
    em.persist(entity);
    em.flush();
    return entity;
  }

  public void remove(Object entity) {
    em.remove(entity);
  }
}

package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.user.User;

/** Accounts by id and by name. */
@ApplicationScoped
public class UserRepository extends JpaRepository {
  protected UserRepository() {}

  public UserRepository(EntityManager em) {
    super(em);
  }

  public User add(User user) {
    return insert(user);
  }

  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> byName(String username) {
    return first(em.createNamedQuery("User.byName", User.class).setParameter("username", username));
  }

  public List<User> all() {
    return em.createNamedQuery("User.all", User.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery("User.count", Long.class).getSingleResult();
  }
}

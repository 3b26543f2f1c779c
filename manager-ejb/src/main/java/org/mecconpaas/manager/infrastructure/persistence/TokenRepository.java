package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.user.ApiToken;

/** API tokens, looked up by the hash of the presented secret. */
@ApplicationScoped
public class TokenRepository extends JpaRepository {
  protected TokenRepository() {}

  public TokenRepository(EntityManager em) {
    super(em);
  }

  public ApiToken add(ApiToken token) {
    return insert(token);
  }

  public Optional<ApiToken> byHash(String hash) {
    return first(em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", hash));
  }

  public Optional<ApiToken> byId(long id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  /** Tokens not revoked, expired ones included so their owner can see and revoke them. */
  public List<ApiToken> ofUser(long userId) {
    return em.createNamedQuery("ApiToken.ofUser", ApiToken.class)
        .setParameter("userId", userId)
        .getResultList();
  }
}

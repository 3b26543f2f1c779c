package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Service;

/** Code version metadata; the archives themselves are in the code store. */
@ApplicationScoped
public class CodeVersionRepository extends JpaRepository {
  protected CodeVersionRepository() {}

  public CodeVersionRepository(EntityManager em) {
    super(em);
  }

  public CodeVersion add(CodeVersion version) {
    return insert(version);
  }

  public List<CodeVersion> of(Service service) {
    return em.createNamedQuery("CodeVersion.ofService", CodeVersion.class)
        .setParameter("serviceId", service.id())
        .getResultList();
  }

  public Optional<CodeVersion> byVersion(Service service, int version) {
    return first(
        em.createNamedQuery("CodeVersion.byVersion", CodeVersion.class)
            .setParameter("serviceId", service.id())
            .setParameter("version", version));
  }

  /** The number the next upload gets: one more than the highest so far, starting at 1. */
  public int nextVersion(Service service) {
    Integer latest =
        em.createNamedQuery("CodeVersion.latest", Integer.class)
            .setParameter("serviceId", service.id())
            .getSingleResult();
    return latest == null ? 1 : latest + 1;
  }
}

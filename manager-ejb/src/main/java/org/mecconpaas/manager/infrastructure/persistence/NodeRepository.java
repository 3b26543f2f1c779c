package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;

/** Edge nodes and the enrollment tokens that admit new ones. */
@ApplicationScoped
public class NodeRepository extends JpaRepository {
  protected NodeRepository() {}

  public NodeRepository(EntityManager em) {
    super(em);
  }

  public Node add(Node node) {
    return insert(node);
  }

  public List<Node> all() {
    return em.createNamedQuery("Node.all", Node.class).getResultList();
  }

  public Optional<Node> byName(String name) {
    return first(em.createNamedQuery("Node.byName", Node.class).setParameter("name", name));
  }

  public Optional<Node> byCredentialHash(String hash) {
    return first(
        em.createQuery("SELECT n FROM Node n WHERE n.credentialHash = :hash", Node.class)
            .setParameter("hash", hash));
  }

  public EnrollmentToken addToken(EnrollmentToken token) {
    return insert(token);
  }

  public List<EnrollmentToken> tokens() {
    return em.createNamedQuery("EnrollmentToken.all", EnrollmentToken.class).getResultList();
  }

  public Optional<EnrollmentToken> tokenByHash(String hash) {
    return first(
        em.createNamedQuery("EnrollmentToken.byHash", EnrollmentToken.class)
            .setParameter("hash", hash));
  }
}

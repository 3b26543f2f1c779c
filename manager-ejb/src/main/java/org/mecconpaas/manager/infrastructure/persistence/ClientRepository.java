package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.application.Page;
import org.mecconpaas.manager.domain.model.client.ClientAssociation;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;

/** Mobile clients, where they are associated now, and their history of associations. */
@ApplicationScoped
public class ClientRepository extends JpaRepository {
  protected ClientRepository() {}

  public ClientRepository(EntityManager em) {
    super(em);
  }

  public MobileClient add(MobileClient client) {
    return insert(client);
  }

  public void add(ClientAssociation association) {
    em.persist(association);
  }

  public Optional<MobileClient> byId(String id) {
    return Optional.ofNullable(em.find(MobileClient.class, id));
  }

  public Page<MobileClient> page(int page, int size) {
    List<MobileClient> items =
        em.createNamedQuery("MobileClient.all", MobileClient.class)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(c) FROM MobileClient c", Long.class).getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** Clients associated with some access point now, whatever the state of its node. */
  public List<MobileClient> associated() {
    return em.createNamedQuery("MobileClient.associated", MobileClient.class).getResultList();
  }

  /** Clients with an emulated position. */
  public List<MobileClient> positioned() {
    return em.createNamedQuery("MobileClient.positioned", MobileClient.class).getResultList();
  }

  /**
   * The current access point of each client: client id to node, for clients associated with a node
   * that is not DOWN (a node that goes down loses its stations within a second anyway).
   */
  public Map<String, Node> currentAccessPoints() {
    Map<String, Node> current = new LinkedHashMap<>();
    em.createQuery(
            "SELECT c.id, c.node FROM MobileClient c WHERE c.node IS NOT NULL AND c.node.state <>"
                + " :down ORDER BY c.id",
            Object[].class)
        .setParameter("down", NodeState.DOWN)
        .getResultList()
        .forEach(row -> current.put((String) row[0], (Node) row[1]));
    return current;
  }

  /** Node id to the number of clients associated with its access point (nodes not DOWN). */
  public Map<Long, Long> clientsPerNode() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT c.node.id, COUNT(c) FROM MobileClient c WHERE c.node IS NOT NULL AND"
                + " c.node.state <> :down GROUP BY c.node.id",
            Object[].class)
        .setParameter("down", NodeState.DOWN)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }

  /** The client's association that has not ended, if it has one. */
  public Optional<ClientAssociation> openAssociation(MobileClient client) {
    return first(
        em.createNamedQuery("ClientAssociation.open", ClientAssociation.class)
            .setParameter("client", client.id()));
  }

  /** A client's associations, newest first. */
  public Page<ClientAssociation> history(MobileClient client, int page, int size) {
    List<ClientAssociation> items =
        em.createNamedQuery("ClientAssociation.ofClient", ClientAssociation.class)
            .setParameter("client", client.id())
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createNamedQuery("ClientAssociation.countOfClient", Long.class)
            .setParameter("client", client.id())
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }
}

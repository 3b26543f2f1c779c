package org.mecconpaas.manager.domain.model.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.mecconpaas.manager.domain.model.node.Node;

/** One stay of a client at an access point: from when to when (null while it lasts). */
@Entity
@Table(name = "client_associations")
@NamedQuery(
    name = "ClientAssociation.ofClient",
    query =
        "SELECT a FROM ClientAssociation a WHERE a.client.id = :client"
            + " ORDER BY a.fromAt DESC, a.id DESC")
@NamedQuery(
    name = "ClientAssociation.countOfClient",
    query = "SELECT COUNT(a) FROM ClientAssociation a WHERE a.client.id = :client")
@NamedQuery(
    name = "ClientAssociation.open",
    query = "SELECT a FROM ClientAssociation a WHERE a.client.id = :client AND a.toAt IS NULL")
public class ClientAssociation {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_associations_seq")
  @SequenceGenerator(
      name = "client_associations_seq",
      sequenceName = "client_associations_seq",
      allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "client_id")
  private MobileClient client;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "node_id")
  private Node node;

  @Column(name = "from_at", nullable = false)
  private Instant fromAt;

  @Column(name = "to_at")
  private Instant toAt;

  protected ClientAssociation() {}

  ClientAssociation(MobileClient client, Node node, Instant from) {
    this.client = client;
    this.node = node;
    this.fromAt = from;
  }

  /** The client left this access point (or it went down). */
  public void end(Instant now) {
    if (toAt == null) {
      toAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public MobileClient client() {
    return client;
  }

  public Node node() {
    return node;
  }

  public Instant from() {
    return fromAt;
  }

  /** Null while the client is still there. */
  public Instant to() {
    return toAt;
  }
}

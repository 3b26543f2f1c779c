package org.mecconpaas.manager.domain.model.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * A mobile user's device, associated with at most one access point (a node) at a time. Its id is
 * what the access point reports: the station's MAC address on a real board, a name such as {@code
 * c07} in the emulated edge. The position is known only while the mobility emulation moves it.
 */
@Entity
@Table(name = "mobile_clients")
@NamedQuery(name = "MobileClient.all", query = "SELECT c FROM MobileClient c ORDER BY c.id")
@NamedQuery(
    name = "MobileClient.associated",
    query = "SELECT c FROM MobileClient c WHERE c.node IS NOT NULL ORDER BY c.id")
@NamedQuery(
    name = "MobileClient.positioned",
    query = "SELECT c FROM MobileClient c WHERE c.latitude IS NOT NULL ORDER BY c.id")
public class MobileClient {
  public static final String ID_RULE =
      "1-64 characters of letters, digits, ':', '.', '_' and '-', starting with a letter or digit";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,63}");

  @Id
  @Column(length = 64)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "node_id")
  private Node node;

  @Column(name = "associated_at")
  private Instant associatedAt;

  private Double latitude;

  private Double longitude;

  @Column(name = "position_at")
  private Instant positionAt;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected MobileClient() {}

  public MobileClient(String id, Instant now) {
    if (!validId(id)) {
      throw new IllegalArgumentException("not a client id: " + id);
    }
    this.id = id;
    this.firstSeenAt = now;
    this.changedAt = now;
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Associates the client with {@code accessPoint} from now on and returns the new entry of its
   * history; the caller ends the previous one.
   */
  public ClientAssociation associate(Node accessPoint, Instant now) {
    node = accessPoint;
    associatedAt = now;
    changedAt = now;
    return new ClientAssociation(this, accessPoint, now);
  }

  /** No access point has the client any more. */
  public void disassociate(Instant now) {
    node = null;
    associatedAt = null;
    changedAt = now;
  }

  /** Where the mobility emulation put it; {@code null} when the emulation no longer moves it. */
  public void emulatedAt(GeoPoint position, Instant now) {
    if (position == null) {
      latitude = null;
      longitude = null;
      positionAt = null;
    } else if (!position.equals(position().orElse(null))) {
      latitude = position.latitude();
      longitude = position.longitude();
      positionAt = now;
    }
  }

  public String id() {
    return id;
  }

  /** The node whose access point the client is associated with now, if any. */
  public Optional<Node> node() {
    return Optional.ofNullable(node);
  }

  /** Since when it is associated with its current node; null when it is not associated. */
  public Instant associatedAt() {
    return associatedAt;
  }

  /** Its emulated position; empty for real clients and when the emulation is stopped. */
  public Optional<GeoPoint> position() {
    return latitude == null || longitude == null
        ? Optional.empty()
        : Optional.of(new GeoPoint(latitude, longitude));
  }

  public Instant positionAt() {
    return positionAt;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  /** When it last associated with an access point or left one. */
  public Instant changedAt() {
    return changedAt;
  }
}

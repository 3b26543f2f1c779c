package org.mecconpaas.manager.domain.model.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An edge board running a node agent: where it is, what it can hold, how it is doing. */
@Entity
@Table(name = "nodes")
@NamedQuery(name = "Node.all", query = "SELECT n FROM Node n ORDER BY n.name")
@NamedQuery(name = "Node.byName", query = "SELECT n FROM Node n WHERE n.name = :name")
public class Node {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "nodes_seq")
  @SequenceGenerator(name = "nodes_seq", sequenceName = "nodes_seq", allocationSize = 20)
  private Long id;

  @Column(nullable = false, unique = true, length = 63)
  private String name;

  @Column(nullable = false)
  private double latitude;

  @Column(nullable = false)
  private double longitude;

  @Column(name = "cpu_millis", nullable = false)
  private int cpuMillis;

  @Column(name = "memory_mib", nullable = false)
  private int memoryMiB;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NodeState state;

  @Column(name = "credential_hash", length = 64)
  private String credentialHash;

  @Column(name = "last_heartbeat_at")
  private Instant lastHeartbeatAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(length = 64)
  private String address;

  /** Operator-given labels (e.g. {@code outdoor}, {@code gpu}) placement constraints ask for. */
  @Column(length = 256)
  private String labels;

  @Column(length = 16)
  private String runtime;

  @Column(name = "cpu_load")
  private Double cpuLoad;

  @Column(name = "memory_used_mib")
  private Integer memoryUsedMiB;

  @Column(nullable = false)
  private boolean drained;

  protected Node() {}

  public Node(
      String name,
      double latitude,
      double longitude,
      int cpuMillis,
      int memoryMiB,
      String credentialHash,
      String address,
      String runtime,
      Instant now) {
    this.name = name;
    this.address = address;
    this.runtime = runtime;
    this.latitude = latitude;
    this.longitude = longitude;
    this.cpuMillis = cpuMillis;
    this.memoryMiB = memoryMiB;
    this.credentialHash = credentialHash;
    this.state = NodeState.UP;
    this.lastHeartbeatAt = now;
    this.createdAt = now;
  }

  /** A heartbeat arrived: the node is alive, with these figures. */
  public boolean heartbeat(Instant now, Double load, Integer memoryUsed) {
    boolean cameBack = state == NodeState.DOWN;
    lastHeartbeatAt = now;
    cpuLoad = load;
    memoryUsedMiB = memoryUsed;
    state = drained ? NodeState.DRAINING : NodeState.UP;
    return cameBack;
  }

  /** True when the node was up and has been silent for longer than {@code silence} allows. */
  public boolean missedHeartbeats(Instant deadline) {
    return state != NodeState.DOWN && lastHeartbeatAt.isBefore(deadline);
  }

  public void markDown() {
    state = NodeState.DOWN;
  }

  /**
   * Withdraws the node's credential: its agent is refused from now on and its instances move to
   * other nodes. Enrolling the board again needs a new join token.
   */
  public void revoke() {
    credentialHash = null;
    state = NodeState.DOWN;
  }

  public boolean revoked() {
    return credentialHash == null;
  }

  /** A drained node takes no new instances and hands its current ones over to other nodes. */
  public void drain(boolean drain) {
    drained = drain;
    if (state != NodeState.DOWN) {
      state = drain ? NodeState.DRAINING : NodeState.UP;
    }
  }

  /** Whether new instances may be placed here. */
  public boolean isSchedulable() {
    return state == NodeState.UP;
  }

  public String credentialHash() {
    return credentialHash;
  }

  public String address() {
    return address;
  }

  public java.util.Set<String> labels() {
    return labels == null || labels.isBlank()
        ? java.util.Set.of()
        : java.util.Set.of(labels.split(","));
  }

  /** Labels are DNS-label-like words; the caller validates them. */
  public void label(java.util.Set<String> newLabels) {
    labels = newLabels.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(newLabels));
  }

  public org.mecconpaas.manager.domain.model.placement.GeoPoint position() {
    return new org.mecconpaas.manager.domain.model.placement.GeoPoint(latitude, longitude);
  }

  public String runtime() {
    return runtime;
  }

  public Double cpuLoad() {
    return cpuLoad;
  }

  public Integer memoryUsedMiB() {
    return memoryUsedMiB;
  }

  public boolean drained() {
    return drained;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public double latitude() {
    return latitude;
  }

  public double longitude() {
    return longitude;
  }

  public int cpuMillis() {
    return cpuMillis;
  }

  public int memoryMiB() {
    return memoryMiB;
  }

  public NodeState state() {
    return state;
  }

  public Instant lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

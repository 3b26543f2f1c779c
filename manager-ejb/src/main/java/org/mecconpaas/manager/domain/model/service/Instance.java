package org.mecconpaas.manager.domain.model.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.mecconpaas.manager.domain.model.Texts;
import org.mecconpaas.manager.domain.model.node.Node;

/**
 * One running copy of a role of a service, placed on a node. Its name is deterministic ({@code
 * s<service>-<role>-<slot>}), so a retried placement adopts the container that already exists.
 */
@Entity
@Table(name = "instances")
@NamedQuery(
    name = "Instance.ofService",
    query = "SELECT i FROM Instance i WHERE i.service.id = :serviceId ORDER BY i.role, i.slot")
@NamedQuery(
    name = "Instance.onNode",
    query = "SELECT i FROM Instance i WHERE i.node.id = :nodeId ORDER BY i.name")
@NamedQuery(name = "Instance.all", query = "SELECT i FROM Instance i")
public class Instance {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "instances_seq")
  @SequenceGenerator(name = "instances_seq", sequenceName = "instances_seq", allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_id")
  private Service service;

  @Column(nullable = false, unique = true, length = 96)
  private String name;

  @Column(name = "role_name", nullable = false, length = 32)
  private String role;

  @Column(nullable = false)
  private int slot;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "node_id")
  private Node node;

  @Column(nullable = false)
  private int port;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InstanceState state;

  @Column(nullable = false)
  private boolean removing;

  /** Being replaced by a migration's destination: it serves on, but routers leave it. */
  @Column(nullable = false)
  private boolean draining;

  /** The migration this instance is the destination of, until it takes over the slot. */
  @Column(name = "migration_id")
  private Long migrationId;

  @Column(length = 1024)
  private String message;

  @Column(name = "code_version")
  private Integer codeVersion;

  @Column(length = 64)
  private String address;

  @Column(length = 4000)
  private String scripts;

  @Column(name = "script_running", nullable = false)
  private boolean scriptRunning;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "reported_at")
  private Instant reportedAt;

  protected Instance() {}

  public Instance(Service service, String role, int slot, Node node, int port, Instant now) {
    this.service = service;
    this.name = nameOf(service.id(), role, slot);
    this.role = role;
    this.slot = slot;
    this.node = node;
    this.port = port;
    this.state = InstanceState.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The destination of a migration: the slot's name with the migration's number. */
  public Instance(
      Service service, String role, int slot, Node node, long migrationId, Instant now) {
    this(service, role, slot, node, 0, now);
    this.name = nameOf(service.id(), role, slot) + "-m" + migrationId;
    this.migrationId = migrationId;
  }

  public static String nameOf(long serviceId, String role, int slot) {
    return "s" + serviceId + "-" + role + "-" + slot;
  }

  /** Moves the instance to another node: the new node creates it, the old one drops it. */
  public void moveTo(Node target, Instant now) {
    node = target;
    removing = false;
    state = InstanceState.PENDING;
    message = null;
    updatedAt = now;
  }

  /** Ports derive from the id, which exists only once the row is inserted. */
  public void assignPort(int assigned) {
    this.port = assigned;
  }

  /** Wanted again before its node confirmed the removal: it stays, as it is. */
  public void keep(Instant now) {
    if (removing) {
      removing = false;
      updatedAt = now;
    }
  }

  /** Routers stop sending it users; it keeps running until it is removed. */
  public void drain(Instant now) {
    draining = true;
    updatedAt = now;
  }

  /** A migration was rolled back: routers send users to it again. */
  public void undrain(Instant now) {
    draining = false;
    updatedAt = now;
  }

  /** A migration's destination becomes the slot's instance. */
  public void takeOverSlot(Instant now) {
    migrationId = null;
    updatedAt = now;
  }

  public boolean draining() {
    return draining;
  }

  /** The migration this instance is the destination of, while it runs. */
  public Long migrationId() {
    return migrationId;
  }

  /** Asks the node to stop and remove the container; the row goes once the node confirms. */
  public void remove(Instant now) {
    removing = true;
    updatedAt = now;
  }

  /** What the node reported about this instance. */
  public void reported(InstanceReport report, Instant now) {
    state = report.state();
    message = Texts.cut(report.message(), 1024);
    codeVersion = report.codeVersion();
    address = report.address();
    scripts = Texts.cut(report.scripts(), 4000);
    scriptRunning = report.scriptRunning();
    reportedAt = now;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public Service service() {
    return service;
  }

  public String name() {
    return name;
  }

  public String role() {
    return role;
  }

  public int slot() {
    return slot;
  }

  public Node node() {
    return node;
  }

  public int port() {
    return port;
  }

  public InstanceState state() {
    return state;
  }

  public boolean removing() {
    return removing;
  }

  public String message() {
    return message;
  }

  public Integer codeVersion() {
    return codeVersion;
  }

  /** The address the instance is reachable at: its own (lxc) or its node's (process). */
  public String address() {
    if (address != null) {
      return address;
    }
    return node == null ? null : node.address();
  }

  public boolean scriptRunning() {
    return scriptRunning;
  }

  public String scripts() {
    return scripts;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

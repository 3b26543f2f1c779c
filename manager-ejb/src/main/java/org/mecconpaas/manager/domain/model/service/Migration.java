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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.mecconpaas.manager.domain.model.node.Node;

/**
 * Moving one instance to another node, make-before-break (ConPaaS' elastic migration): the
 * destination instance is created next to the old one ({@code CREATING}); once it runs, routers
 * switch to it and the old one drains ({@code DRAINING}); then the old one is removed and the new
 * one takes over its slot ({@code DONE}). A destination that fails or dies before the switch is
 * removed and the old instance serves on ({@code ROLLED_BACK}). Every step's time is kept.
 */
@Entity
@Table(name = "migrations")
public class Migration {

  public enum State {
    CREATING,
    DRAINING,
    DONE,
    ROLLED_BACK;

    public boolean active() {
      return this == CREATING || this == DRAINING;
    }
  }

  /** Who asked for it. */
  public enum Trigger {
    MANUAL,
    FOLLOW_ME
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "migrations_seq")
  @SequenceGenerator(name = "migrations_seq", sequenceName = "migrations_seq", allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_id")
  private Service service;

  @Column(name = "instance_name", nullable = false, length = 63)
  private String instanceName;

  @Column(name = "role_name", nullable = false, length = 32)
  private String role;

  @Column(nullable = false)
  private int slot;

  @Column(name = "from_node", length = 63)
  private String fromNode;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "to_node_id")
  private Node to;

  @Column(name = "to_node", nullable = false, length = 63)
  private String toNode;

  @Column(name = "target_instance", nullable = false, length = 63)
  private String targetInstance;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_kind", nullable = false, length = 16)
  private Trigger trigger;

  @Column(name = "trigger_detail", length = 512)
  private String triggerDetail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(length = 1024)
  private String message;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "healthy_at")
  private Instant healthyAt;

  @Column(name = "switched_at")
  private Instant switchedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(name = "lock_version", nullable = false)
  private long lockVersion;

  protected Migration() {}

  public Migration(
      Service service, Instance instance, Node to, Trigger trigger, String detail, Instant now) {
    this.service = service;
    this.instanceName = instance.name();
    this.role = instance.role();
    this.slot = instance.slot();
    this.fromNode = instance.node() == null ? null : instance.node().name();
    this.to = to;
    this.toNode = to.name();
    this.trigger = trigger;
    this.triggerDetail =
        detail == null ? null : detail.substring(0, Math.min(512, detail.length()));
    this.state = State.CREATING;
    this.requestedAt = now;
    this.targetInstance = "";
  }

  /** Names the destination once the id exists: {@code <slot's name>-m<id>}. */
  public void named() {
    targetInstance = Instance.nameOf(service.id(), role, slot) + "-m" + id;
  }

  /** The destination runs: routers switch to it, the old instance drains. */
  public void switched(Instant now) {
    healthyAt = now;
    switchedAt = now;
    state = State.DRAINING;
  }

  public void done(Instant now) {
    finishedAt = now;
    state = State.DONE;
  }

  public void rolledBack(String reason, Instant now) {
    finishedAt = now;
    message = reason.length() > 1024 ? reason.substring(0, 1024) : reason;
    state = State.ROLLED_BACK;
  }

  /** Request to destination running, or null while it does not run yet. */
  public Duration timeToHealthy() {
    return healthyAt == null ? null : Duration.between(requestedAt, healthyAt);
  }

  public Long id() {
    return id;
  }

  public Service service() {
    return service;
  }

  public String instanceName() {
    return instanceName;
  }

  public String role() {
    return role;
  }

  public int slot() {
    return slot;
  }

  public String fromNode() {
    return fromNode;
  }

  public Node to() {
    return to;
  }

  public String toNode() {
    return toNode;
  }

  public String targetInstance() {
    return targetInstance;
  }

  public Trigger trigger() {
    return trigger;
  }

  public String triggerDetail() {
    return triggerDetail;
  }

  public State state() {
    return state;
  }

  public String message() {
    return message;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant healthyAt() {
    return healthyAt;
  }

  public Instant switchedAt() {
    return switchedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}

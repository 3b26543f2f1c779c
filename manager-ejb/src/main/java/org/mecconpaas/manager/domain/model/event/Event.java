package org.mecconpaas.manager.domain.model.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.mecconpaas.manager.domain.model.Texts;

/**
 * One audit-trail entry. Refers to applications and services by name, not by key, so it outlives
 * them; {@code ownerId} says whose trail it belongs to (null for platform-wide events).
 */
@Entity
@Table(name = "events")
public class Event {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "events_seq")
  @SequenceGenerator(name = "events_seq", sequenceName = "events_seq", allocationSize = 20)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 63)
  private String actor;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(name = "owner_id")
  private Long ownerId;

  @Column(length = 63)
  private String application;

  @Column(length = 63)
  private String service;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Outcome outcome;

  @Column(length = 2048)
  private String detail;

  protected Event() {}

  public Event(
      Instant occurredAt,
      String actor,
      String action,
      Long ownerId,
      String application,
      String service,
      Outcome outcome,
      String detail) {
    this.occurredAt = occurredAt;
    this.actor = Texts.cut(actor, 63); // a refused login records the name as typed, however long
    this.action = action;
    this.ownerId = ownerId;
    this.application = application;
    this.service = service;
    this.outcome = outcome;
    this.detail = Texts.cut(detail, 2048);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public Long ownerId() {
    return ownerId;
  }

  public String application() {
    return application;
  }

  public String service() {
    return service;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }
}

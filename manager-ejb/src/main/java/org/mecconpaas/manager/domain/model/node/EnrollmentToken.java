package org.mecconpaas.manager.domain.model.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time join token an operator hands to a new board. Stored as a SHA-256 hash; valid once and
 * until it expires.
 */
@Entity
@Table(name = "enrollment_tokens")
@NamedQuery(name = "EnrollmentToken.all", query = "SELECT t FROM EnrollmentToken t ORDER BY t.id")
@NamedQuery(
    name = "EnrollmentToken.byHash",
    query = "SELECT t FROM EnrollmentToken t WHERE t.tokenHash = :hash")
public class EnrollmentToken {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_tokens_seq")
  @SequenceGenerator(
      name = "enrollment_tokens_seq",
      sequenceName = "enrollment_tokens_seq",
      allocationSize = 20)
  private Long id;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "node_name", length = 63)
  private String nodeName;

  @Column(name = "created_by", nullable = false, length = 63)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected EnrollmentToken() {}

  public EnrollmentToken(
      String tokenHash, String nodeName, String createdBy, Instant createdAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.nodeName = nodeName;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public boolean isUsableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void markUsed(Instant now) {
    usedAt = now;
  }

  public Long id() {
    return id;
  }

  public String nodeName() {
    return nodeName;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }
}

package org.mecconpaas.manager.domain.model.user;

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

/**
 * A bearer token for the API and the CLI. Only the SHA-256 of the token is stored: tokens carry 256
 * random bits, so a slow hash adds nothing and would cost on every request.
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(
    name = "ApiToken.byHash",
    query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
    name = "ApiToken.ofUser",
    query =
        "SELECT t FROM ApiToken t WHERE t.user.id = :userId AND t.revokedAt IS NULL ORDER BY t.id")
public class ApiToken {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_tokens_seq")
  @SequenceGenerator(name = "api_tokens_seq", sequenceName = "api_tokens_seq", allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public ApiToken(User user, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.user = user;
    this.name = name;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** A token authenticates until it expires or is revoked. */
  public boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Records use at most once a minute, so authentication does not write on every request. */
  public void touch(Instant now) {
    if (lastUsedAt == null || lastUsedAt.plusSeconds(60).isBefore(now)) {
      lastUsedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public User user() {
    return user;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }
}

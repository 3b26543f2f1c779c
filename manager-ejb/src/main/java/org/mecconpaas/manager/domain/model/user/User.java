package org.mecconpaas.manager.domain.model.user;

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

/** An account. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byName", query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = "User.all", query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
public class User {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
  @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 20)
  private Long id;

  @Column(nullable = false, unique = true, length = 63)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  protected User() {}

  public User(String username, String passwordHash, Role role, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = createdAt;
  }

  /** A disabled account cannot sign in and its tokens are refused; its data stays. */
  public void disable(Instant now) {
    if (disabledAt == null) {
      disabledAt = now;
    }
  }

  public void enable() {
    disabledAt = null;
  }

  public boolean disabled() {
    return disabledAt != null;
  }

  public Instant disabledAt() {
    return disabledAt;
  }

  public void changePassword(String newPasswordHash) {
    this.passwordHash = newPasswordHash;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

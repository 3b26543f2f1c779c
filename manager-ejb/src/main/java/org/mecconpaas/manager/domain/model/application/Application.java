package org.mecconpaas.manager.domain.model.application;

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
import org.mecconpaas.manager.domain.model.user.User;

/** A developer's group of services. Names are unique per owner, not globally. */
@Entity
@Table(name = "applications")
@NamedQuery(
    name = "Application.ofOwner",
    query = "SELECT a FROM Application a WHERE a.owner.id = :ownerId ORDER BY a.name")
@NamedQuery(
    name = "Application.byOwnerAndName",
    query = "SELECT a FROM Application a WHERE a.owner.id = :ownerId AND a.name = :name")
@NamedQuery(
    name = "Application.countOfOwner",
    query = "SELECT COUNT(a) FROM Application a WHERE a.owner.id = :ownerId")
public class Application {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "applications_seq")
  @SequenceGenerator(
      name = "applications_seq",
      sequenceName = "applications_seq",
      allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id")
  private User owner;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 1024)
  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Application() {}

  public Application(User owner, String name, String description, Instant createdAt) {
    this.owner = owner;
    this.name = name;
    this.description = description;
    this.createdAt = createdAt;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  public void describe(String newDescription) {
    this.description = newDescription;
  }

  public Long id() {
    return id;
  }

  public User owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

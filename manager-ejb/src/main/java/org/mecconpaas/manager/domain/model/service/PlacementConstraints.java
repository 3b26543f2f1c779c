package org.mecconpaas.manager.domain.model.service;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * What a service's placement policy needs beyond its name: the point and radius of {@code near},
 * the farthest a user's access point may be from the instance serving it ({@code near-users}; a
 * user farther away makes the instance follow), and node labels every instance's node must have.
 */
@Embeddable
public class PlacementConstraints {
  @Column(name = "near_latitude")
  private Double nearLatitude;

  @Column(name = "near_longitude")
  private Double nearLongitude;

  @Column(name = "near_radius_m")
  private Double nearRadiusMeters;

  @Column(name = "max_user_distance_m")
  private Double maxUserDistanceMeters;

  @Column(name = "required_labels", length = 256)
  private String requiredLabels;

  @Column(name = "user_clients", length = 4000)
  private String users;

  /** More than a tour group; keeps the column within its 4000 characters. */
  public static final int MAX_USERS = 50;

  protected PlacementConstraints() {}

  public PlacementConstraints(
      GeoPoint near, Double nearRadiusMeters, Double maxUserDistanceMeters, Set<String> labels) {
    this(near, nearRadiusMeters, maxUserDistanceMeters, labels, Set.of());
  }

  /**
   * @param users the clients whose access points count for {@code near-users} (none: every client)
   */
  public PlacementConstraints(
      GeoPoint near,
      Double nearRadiusMeters,
      Double maxUserDistanceMeters,
      Set<String> labels,
      Set<String> users) {
    this.nearLatitude = near == null ? null : near.latitude();
    this.nearLongitude = near == null ? null : near.longitude();
    this.nearRadiusMeters = nearRadiusMeters;
    this.maxUserDistanceMeters = maxUserDistanceMeters;
    this.requiredLabels =
        labels == null || labels.isEmpty()
            ? null
            : String.join(",", new java.util.TreeSet<>(labels));
    this.users =
        users == null || users.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(users));
  }

  /** What does not fit the policy, one message each; empty when the constraints make sense. */
  public List<String> violations(PlacementPolicy policy) {
    List<String> errors = new ArrayList<>();
    if (policy == PlacementPolicy.NEAR && near().isEmpty()) {
      errors.add("near needs a point: near.latitude and near.longitude");
    }
    if (nearRadiusMeters != null && !(nearRadiusMeters > 0 && nearRadiusMeters <= 100_000)) {
      errors.add("near.radiusMeters must be between 0 and 100000");
    }
    if (maxUserDistanceMeters != null
        && !(maxUserDistanceMeters > 0 && maxUserDistanceMeters <= 100_000)) {
      errors.add("maxUserDistanceMeters must be between 0 and 100000");
    }
    if (labels().stream().anyMatch(l -> !l.matches("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?"))) {
      errors.add("node labels are lower-case words of letters, digits and dashes");
    }
    if (!users().isEmpty() && policy != PlacementPolicy.NEAR_USERS) {
      errors.add("users only apply to the near-users policy");
    }
    if (users().size() > MAX_USERS) {
      errors.add("users: at most " + MAX_USERS + " client ids");
    }
    if (users().stream().anyMatch(u -> !MobileClient.validId(u))) {
      errors.add("users are client ids: a letter or digit, then up to 63 of those or : . _ -");
    }
    return errors;
  }

  public Optional<GeoPoint> near() {
    return nearLatitude == null || nearLongitude == null
        ? Optional.empty()
        : Optional.of(new GeoPoint(nearLatitude, nearLongitude));
  }

  /** The radius around the near point; 200 m unless set. */
  public double nearRadiusMeters() {
    return nearRadiusMeters == null ? 200 : nearRadiusMeters;
  }

  public Optional<Double> maxUserDistanceMeters() {
    return Optional.ofNullable(maxUserDistanceMeters);
  }

  public Set<String> labels() {
    return requiredLabels == null ? Set.of() : Set.of(requiredLabels.split(","));
  }

  /** The clients whose access points count for {@code near-users}; empty: every client. */
  public Set<String> users() {
    return users == null ? Set.of() : Set.of(users.split(","));
  }
}

package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.mecconpaas.manager.application.ServiceOperations.PlacementRequest;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.domain.model.service.PlacementConstraints;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;

/**
 * The placement form: the policy and the fields it needs (a point and radius for {@code near}, the
 * farthest user for {@code near-users}, node labels for all). Fields the chosen policy does not use
 * are kept while typing but not sent.
 */
public final class PlacementForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final double RADIUS_METERS = 200;

  private String policy = PlacementPolicy.SPREAD.label();
  private Double nearLatitude;
  private Double nearLongitude;
  private Double nearRadiusMeters = RADIUS_METERS;
  private Double maxUserDistanceMeters;
  private String labels = "";

  /** The service's stored policy and constraints. */
  public static PlacementForm of(PlacementPolicy policy, PlacementConstraints stored) {
    PlacementForm form = new PlacementForm();
    form.policy = policy.label();
    stored
        .near()
        .ifPresent(
            p -> {
              form.nearLatitude = p.latitude();
              form.nearLongitude = p.longitude();
            });
    form.nearRadiusMeters = stored.nearRadiusMeters();
    form.maxUserDistanceMeters = stored.maxUserDistanceMeters().orElse(null);
    form.labels = String.join(", ", new TreeSet<>(stored.labels()));
    return form;
  }

  public PlacementRequest request() {
    boolean near = PlacementPolicy.NEAR.label().equals(policy);
    boolean nearUsers = PlacementPolicy.NEAR_USERS.label().equals(policy);
    return new PlacementRequest(
        policy,
        near ? nearLatitude : null,
        near ? nearLongitude : null,
        near ? nearRadiusMeters : null,
        nearUsers ? maxUserDistanceMeters : null,
        parseLabels(labels));
  }

  /** "gpu, outdoor" as a set; blanks and repeats dropped, the order kept. */
  public static Set<String> parseLabels(String text) {
    Set<String> parsed = new LinkedHashSet<>();
    if (text != null) {
      Arrays.stream(text.split(","))
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .forEach(parsed::add);
    }
    return parsed;
  }

  /**
   * The id of the input a refusal belongs next to, or null for the top of the page. The manager
   * names the constraints' own problems "placement" and says which one in the message.
   */
  public static String inputFor(FieldError error) {
    String message = error.message() == null ? "" : error.message();
    return switch (error.field()) {
      case "placementPolicy" -> "policy";
      case "near" -> message.startsWith("no node within") ? "radius" : "latitude";
      case "placement" -> inputNamedIn(message);
      default -> null;
    };
  }

  private static String inputNamedIn(String message) {
    if (message.contains("radiusMeters")) {
      return "radius";
    }
    if (message.contains("near.latitude") || message.contains("near needs")) {
      return "latitude";
    }
    if (message.contains("maxUserDistanceMeters")) {
      return "maxDistance";
    }
    if (message.contains("label")) {
      return "labels";
    }
    return null;
  }

  /** One line for people, e.g. "near 52.0, 4.3 (within 200 m), on nodes labelled gpu". */
  public static String describe(PlacementPolicy policy, PlacementConstraints c) {
    StringBuilder text = new StringBuilder(policy.label());
    if (policy == PlacementPolicy.NEAR) {
      c.near().ifPresent(p -> text.append(' ').append(point(p)));
      text.append(" (within ").append(meters(c.nearRadiusMeters())).append(')');
    }
    if (policy == PlacementPolicy.NEAR_USERS) {
      c.maxUserDistanceMeters()
          .ifPresent(d -> text.append(" (users at most ").append(meters(d)).append(" away)"));
    }
    if (!c.labels().isEmpty()) {
      text.append(", on nodes labelled ").append(String.join(", ", new TreeSet<>(c.labels())));
    }
    return text.toString();
  }

  private static String point(GeoPoint p) {
    return String.format(Locale.ROOT, "%.5f, %.5f", p.latitude(), p.longitude());
  }

  private static String meters(double m) {
    return Math.round(m) + " m";
  }

  public boolean isNear() {
    return PlacementPolicy.NEAR.label().equals(policy);
  }

  public boolean isNearUsers() {
    return PlacementPolicy.NEAR_USERS.label().equals(policy);
  }

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public Double getNearLatitude() {
    return nearLatitude;
  }

  public void setNearLatitude(Double nearLatitude) {
    this.nearLatitude = nearLatitude;
  }

  public Double getNearLongitude() {
    return nearLongitude;
  }

  public void setNearLongitude(Double nearLongitude) {
    this.nearLongitude = nearLongitude;
  }

  public Double getNearRadiusMeters() {
    return nearRadiusMeters;
  }

  public void setNearRadiusMeters(Double nearRadiusMeters) {
    this.nearRadiusMeters = nearRadiusMeters;
  }

  public Double getMaxUserDistanceMeters() {
    return maxUserDistanceMeters;
  }

  public void setMaxUserDistanceMeters(Double maxUserDistanceMeters) {
    this.maxUserDistanceMeters = maxUserDistanceMeters;
  }

  public String getLabels() {
    return labels;
  }

  public void setLabels(String labels) {
    this.labels = labels;
  }
}

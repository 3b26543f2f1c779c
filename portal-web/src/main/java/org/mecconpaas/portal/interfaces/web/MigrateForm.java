package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import org.mecconpaas.manager.application.Migrations.Destination;

/**
 * Where one instance should move: a node chosen by name, or the eligible node nearest to a point.
 * Only the chosen way's fields are sent.
 */
public final class MigrateForm implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String NODE = "node";
  public static final String POINT = "point";

  private final String instance;
  private final String currentNode;
  private String mode = NODE;
  private String node;
  private Double latitude;
  private Double longitude;

  public MigrateForm(String instance, String currentNode) {
    this.instance = instance;
    this.currentNode = currentNode;
  }

  public Destination destination() {
    return POINT.equals(mode)
        ? new Destination(null, latitude, longitude)
        : new Destination(node, null, null);
  }

  /** The manager's field for a refusal, as the id of this dialog's input; null for the top. */
  public static String inputFor(String field) {
    return switch (field) {
      case "node" -> "node";
      case "latitude", "longitude" -> field;
      default -> null;
    };
  }

  /** What the confirmation says, e.g. "svc-web-0 moves from n1 to n3". */
  public String describe() {
    String where =
        POINT.equals(mode)
            ? "the node nearest to " + latitude + ", " + longitude
            : node == null ? "(no node chosen)" : node;
    return instance + " moves from " + currentNode + " to " + where;
  }

  public boolean isPoint() {
    return POINT.equals(mode);
  }

  public String getInstance() {
    return instance;
  }

  public String getCurrentNode() {
    return currentNode;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }

  public Double getLatitude() {
    return latitude;
  }

  public void setLatitude(Double latitude) {
    this.latitude = latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public void setLongitude(Double longitude) {
    this.longitude = longitude;
  }
}

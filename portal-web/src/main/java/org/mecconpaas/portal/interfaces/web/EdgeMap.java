package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the edge as SVG coordinates: nodes from their latitude and longitude (equirectangular, the
 * longitude scaled by the cosine of the mean latitude, which is exact enough over a campus or a
 * city), fitted into a fixed view box with one scale for both axes. No map tiles: the testbed has
 * no use for streets, and nothing outside the machine is reachable.
 */
public final class EdgeMap {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 560;
  static final int PADDING = 70;
  static final double NODE_RADIUS = 16;
  static final double MARKER_RADIUS = 6;
  private static final double OVERLAP_RING = 26;

  private EdgeMap() {}

  /** What the map needs of a node. */
  public record Site(
      String name,
      double latitude,
      double longitude,
      String state,
      Double load,
      long containers,
      long yours,
      long clients) {}

  /** One instance drawn next to its node. */
  public record Marker(String instance, String role, String state, double x, double y)
      implements Serializable {}

  /** One node placed on the map. */
  public record Point(
      String name,
      String state,
      double x,
      double y,
      Double load,
      long containers,
      long yours,
      long clients,
      List<Marker> markers)
      implements Serializable {

    /** The load ring: the share of the circle's circumference to stroke, then the gap. */
    public String loadDash() {
      double circumference = 2 * Math.PI * (NODE_RADIUS + 4);
      double share = load == null ? 0 : Math.max(0, Math.min(1, load));
      return round(share * circumference) + " " + round(circumference);
    }

    /** What a screen reader says for the node. */
    public String description() {
      return String.format(
          Locale.ROOT,
          "node %s, %s, load %s, %d container%s%s, %d connected client%s",
          name,
          state,
          Formats.load(load),
          containers,
          containers == 1 ? "" : "s",
          yours > 0 ? ", " + yours + " of yours" : "",
          clients,
          clients == 1 ? "" : "s");
    }

    public double labelY() {
      return round(y + NODE_RADIUS + 18);
    }
  }

  /** One instance of a service, to be drawn at the node it runs on. */
  public record Placement(String instance, String role, String state, String node) {}

  /**
   * Places every site; {@code placements} adds instance markers around their node (instances on a
   * node that is not in {@code sites} are left out).
   */
  public static List<Point> draw(List<Site> sites, List<Placement> placements) {
    if (sites.isEmpty()) {
      return List.of();
    }
    double meanLatitude = sites.stream().mapToDouble(Site::latitude).average().orElse(0);
    double cos = Math.max(0.01, Math.cos(Math.toRadians(meanLatitude)));
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Site s : sites) {
      minX = Math.min(minX, s.longitude() * cos);
      maxX = Math.max(maxX, s.longitude() * cos);
      minY = Math.min(minY, -s.latitude());
      maxY = Math.max(maxY, -s.latitude());
    }
    double spanX = maxX - minX;
    double spanY = maxY - minY;
    double usableX = WIDTH - 2.0 * PADDING;
    double usableY = HEIGHT - 2.0 * PADDING;
    double scale =
        spanX == 0 && spanY == 0
            ? 0
            : Math.min(
                spanX == 0 ? Double.MAX_VALUE : usableX / spanX,
                spanY == 0 ? Double.MAX_VALUE : usableY / spanY);
    double offsetX = (WIDTH - spanX * scale) / 2;
    double offsetY = (HEIGHT - spanY * scale) / 2;
    Map<String, List<Placement>> byNode = new HashMap<>();
    placements.forEach(p -> byNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(p));
    Map<String, Integer> seen = new HashMap<>();
    List<Point> points = new ArrayList<>();
    for (Site s : sites) {
      double x = offsetX + (s.longitude() * cos - minX) * scale;
      double y = offsetY + (-s.latitude() - minY) * scale;
      // boards at the same spot (or emulated ones without positions) go round that spot
      String spot = Math.round(x) + ":" + Math.round(y);
      int twin = seen.merge(spot, 1, Integer::sum) - 1;
      if (twin > 0) {
        double angle = twin * 2.39996; // golden angle: no two twins on one ray
        double ring = OVERLAP_RING * Math.sqrt(twin);
        x += ring * Math.cos(angle);
        y += ring * Math.sin(angle);
      }
      points.add(
          new Point(
              s.name(),
              s.state(),
              round(x),
              round(y),
              s.load(),
              s.containers(),
              s.yours(),
              s.clients(),
              markers(x, y, byNode.getOrDefault(s.name(), List.of()))));
    }
    return points;
  }

  /** Markers on a circle around the node, clockwise from the top. */
  private static List<Marker> markers(double x, double y, List<Placement> here) {
    List<Marker> markers = new ArrayList<>();
    double ring = NODE_RADIUS + 12;
    int count = here.size();
    for (int i = 0; i < count; i++) {
      double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(count, 6);
      Placement p = here.get(i);
      markers.add(
          new Marker(
              p.instance(),
              p.role(),
              p.state(),
              round(x + ring * Math.cos(angle)),
              round(y + ring * Math.sin(angle))));
    }
    return markers;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the emulated boards stand. Either generated around a centre (a square grid, or a ring) or
 * read from a layout file, one board per line:
 *
 * <pre>
 * # name, latitude, longitude[, profile]     (profile: rpi3 by default, or rpi4)
 * library,  52.15720, 4.48530
 * station,  52.16640, 4.48170, rpi4
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped, and so is a first line starting with
 * {@code name}; fields are separated by commas, spaces around them are ignored.
 */
public record EdgeLayout(List<NodeSite> nodes) {

  /** Leiden Bio Science Park, the default campus. */
  public static final double DEFAULT_LATITUDE = 52.1600;

  public static final double DEFAULT_LONGITUDE = 4.4900;
  public static final double DEFAULT_SPACING_METERS = 150;
  private static final double METERS_PER_DEGREE = 111_320;

  public EdgeLayout {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a layout needs at least one node");
    }
    Set<String> names = new HashSet<>();
    for (NodeSite node : nodes) {
      if (!names.add(node.name())) {
        throw new IllegalArgumentException("node name used twice: " + node.name());
      }
    }
  }

  public int size() {
    return nodes.size();
  }

  /** {@code n} rpi3 boards named n1..nN on a grid 150 m apart around the default centre. */
  public static EdgeLayout defaultCampus(int n) {
    return grid(
        n, DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_SPACING_METERS, HardwareProfile.RPI3);
  }

  /**
   * {@code n} boards named n1..nN row by row on a grid of ceil(sqrt(n)) columns, {@code spacing}
   * metres apart, centred on the given point.
   */
  public static EdgeLayout grid(
      int n, double latitude, double longitude, double spacing, HardwareProfile profile) {
    checkCount(n);
    int columns = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + columns - 1) / columns;
    List<NodeSite> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double east = (i % columns - (columns - 1) / 2.0) * spacing;
      double north = ((rows - 1) / 2.0 - i / columns) * spacing;
      nodes.add(site(i, latitude, longitude, east, north, profile));
    }
    return new EdgeLayout(nodes);
  }

  /** {@code n} boards on a circle around the centre, neighbours {@code spacing} metres apart. */
  public static EdgeLayout ring(
      int n, double latitude, double longitude, double spacing, HardwareProfile profile) {
    checkCount(n);
    double radius = n == 1 ? 0 : spacing / (2 * Math.sin(Math.PI / n));
    List<NodeSite> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      nodes.add(
          site(
              i, latitude, longitude, radius * Math.sin(angle), radius * Math.cos(angle), profile));
    }
    return new EdgeLayout(nodes);
  }

  /** The first {@code n} nodes of this layout. */
  public EdgeLayout first(int n) {
    if (n < 1 || n > nodes.size()) {
      throw new IllegalArgumentException("the layout has " + nodes.size() + " nodes, not " + n);
    }
    return new EdgeLayout(nodes.subList(0, n));
  }

  public static EdgeLayout read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /** Parses the layout file format; errors name the line. */
  public static EdgeLayout parse(String text) {
    List<NodeSite> nodes = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean header = nodes.isEmpty() && line.toLowerCase(Locale.ROOT).startsWith("name");
      if (line.isEmpty() || line.startsWith("#") || header) {
        continue;
      }
      try {
        nodes.add(parseLine(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layout line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("the layout lists no node");
    }
    return new EdgeLayout(nodes);
  }

  private static NodeSite parseLine(String line) {
    String[] fields = line.split("\\s*,\\s*");
    if (fields.length < 3 || fields.length > 4) {
      throw new IllegalArgumentException("expected name, latitude, longitude[, profile]: " + line);
    }
    HardwareProfile profile =
        fields.length == 4 ? HardwareProfile.byName(fields[3]) : HardwareProfile.RPI3;
    try {
      return new NodeSite(
          fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), profile);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("latitude and longitude must be numbers: " + line, e);
    }
  }

  /** This layout in the file format ({@link #parse} reads it back). */
  public String format() {
    StringBuilder out = new StringBuilder("# name, latitude, longitude, profile\n");
    for (NodeSite node : nodes) {
      out.append(node.name())
          .append(", ")
          .append(plain(node.latitude()))
          .append(", ")
          .append(plain(node.longitude()))
          .append(", ")
          .append(node.profile().name())
          .append('\n');
    }
    return out.toString();
  }

  /** A coordinate without exponent, as the agent's command line wants it. */
  static String plain(double degrees) {
    return BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
  }

  private static NodeSite site(
      int i, double lat, double lon, double east, double north, HardwareProfile profile) {
    double dLat = north / METERS_PER_DEGREE;
    double dLon = east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    return new NodeSite("n" + (i + 1), round(lat + dLat), round(lon + dLon), profile);
  }

  private static double round(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }

  private static void checkCount(int n) {
    if (n < 1 || n > EdgePlan.MAX_NODES) {
      throw new IllegalArgumentException("node count must be within 1.." + EdgePlan.MAX_NODES);
    }
  }
}

package org.mecconpaas.manager.domain.model.client;

import java.util.Collection;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * A rectangle in degrees: where emulated clients move and where trace positions must lie. Areas
 * that cross the antimeridian are not supported (no campus does).
 */
public record Area(double south, double west, double north, double east) {
  /** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
  static final double METERS_PER_DEGREE = 111_320;

  public Area {
    if (south > north || west > east) {
      throw new IllegalArgumentException("an area needs south <= north and west <= east");
    }
  }

  /** The bounding box of {@code points}, grown by {@code marginMeters} on every side. */
  public static Area around(Collection<GeoPoint> points, double marginMeters) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("an area needs at least one point");
    }
    double south = 90;
    double north = -90;
    double west = 180;
    double east = -180;
    for (GeoPoint p : points) {
      south = Math.min(south, p.latitude());
      north = Math.max(north, p.latitude());
      west = Math.min(west, p.longitude());
      east = Math.max(east, p.longitude());
    }
    double dLat = marginMeters / METERS_PER_DEGREE;
    double middle = Math.toRadians((south + north) / 2);
    double dLon = marginMeters / (METERS_PER_DEGREE * Math.max(0.01, Math.cos(middle)));
    return new Area(
        Math.max(-90, south - dLat),
        Math.max(-180, west - dLon),
        Math.min(90, north + dLat),
        Math.min(180, east + dLon));
  }

  public boolean contains(GeoPoint p) {
    return p.latitude() >= south
        && p.latitude() <= north
        && p.longitude() >= west
        && p.longitude() <= east;
  }

  /** The point at fractions (0..1) of the way from the south-west corner north and east. */
  public GeoPoint at(double northFraction, double eastFraction) {
    return new GeoPoint(
        south + (north - south) * northFraction, west + (east - west) * eastFraction);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "[%.5f, %.5f] to [%.5f, %.5f]", south, west, north, east);
  }
}

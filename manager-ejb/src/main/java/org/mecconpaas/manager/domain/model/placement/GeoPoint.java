package org.mecconpaas.manager.domain.model.placement;

/**
 * A position on the campus: a node's, an access point's, a client's, or a placement's centre.
 * Distances are great-circle (haversine) in metres: exact enough for a campus or a city centre.
 */
public record GeoPoint(double latitude, double longitude) {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "latitude must be within -90..90 and longitude within -180..180, got "
              + latitude
              + ", "
              + longitude);
    }
  }

  public double distanceMeters(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}

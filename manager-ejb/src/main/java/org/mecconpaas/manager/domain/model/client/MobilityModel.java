package org.mecconpaas.manager.domain.model.client;

import java.util.List;
import java.util.SortedMap;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * Moves emulated clients: their positions as a pure function of the seconds since the emulation
 * started, so the same model (same seed, same trace) gives the same positions over time.
 */
public interface MobilityModel {

  /** {@code random-waypoint} or {@code trace}. */
  String name();

  /** Every client the model moves, sorted. */
  List<String> clients();

  /** Client id to position at {@code second}; a client not on the campus yet is left out. */
  SortedMap<String, GeoPoint> positionsAt(long second);

  /**
   * The point {@code fraction} of the way from {@code from} to {@code to}, on a straight line in
   * degrees: over a campus (a few km) it is within a metre of the great circle.
   */
  static GeoPoint between(GeoPoint from, GeoPoint to, double fraction) {
    return new GeoPoint(
        from.latitude() + (to.latitude() - from.latitude()) * fraction,
        from.longitude() + (to.longitude() - from.longitude()) * fraction);
  }
}

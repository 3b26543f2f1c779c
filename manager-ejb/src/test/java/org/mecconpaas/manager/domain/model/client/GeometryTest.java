package org.mecconpaas.manager.domain.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/** Distances, areas, radio coverage, latency, route ports and who wins a roaming client. */
class GeometryTest {
  private static final GeoPoint CENTRE = new GeoPoint(52.16, 4.49);

  /** 100 m north of the centre. */
  private static final GeoPoint NORTH = new GeoPoint(52.16 + 100 / 111_195.0, 4.49);

  @Test
  void distancesAreGreatCircleMetres() {
    assertEquals(100, CENTRE.distanceMeters(NORTH), 0.5);
    assertEquals(0, CENTRE.distanceMeters(CENTRE));
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
  }

  @Test
  void anAreaIsTheBoundingBoxGrownByTheMargin() {
    Area area = Area.around(List.of(CENTRE, NORTH), 200);

    assertTrue(area.contains(CENTRE));
    assertTrue(area.contains(new GeoPoint(52.16 - 150 / 111_320.0, 4.49)));
    assertFalse(area.contains(new GeoPoint(52.16 - 250 / 111_320.0, 4.49)));
    double eastEdge = new GeoPoint(52.16, area.east()).distanceMeters(CENTRE);
    assertEquals(200, eastEdge, 1);
  }

  @Test
  void aClientAssociatesWithTheNearestAccessPointInRange() {
    GeoPoint south = new GeoPoint(52.16 - 100 / 111_195.0, 4.49);
    RadioCoverage coverage =
        new RadioCoverage(
            List.of(new AccessPointSite("n2", NORTH), new AccessPointSite("n1", south)), 150);

    GeoPoint nearNorth = new GeoPoint(52.16 + 40 / 111_195.0, 4.49);
    assertEquals(Optional.of("n2"), coverage.accessPointFor(nearNorth));
    assertEquals(Optional.of("n1"), coverage.accessPointFor(south));
    RadioCoverage twins =
        new RadioCoverage(
            List.of(new AccessPointSite("n2", NORTH), new AccessPointSite("n1", NORTH)), 150);
    assertEquals(Optional.of("n1"), twins.accessPointFor(CENTRE), "equidistant: by name");
    assertEquals(Optional.empty(), coverage.accessPointFor(new GeoPoint(52.17, 4.49)));
    assertEquals(
        Map.of("a", "n2", "b", "n1"),
        coverage.associate(Map.of("a", nearNorth, "b", south, "c", new GeoPoint(52.2, 4.49))));
  }

  @Test
  void latencyGrowsWithDistanceAndIsNoneOnTheSameNode() {
    LatencyModel model = new LatencyModel(2, 5);
    assertEquals(0, model.oneWayMillis(true, 0));
    assertEquals(2, model.oneWayMillis(false, 0));
    assertEquals(3, model.oneWayMillis(false, 150));
    assertEquals(7, model.oneWayMillis(false, 1000));
    assertEquals(0, LatencyModel.NONE.oneWayMillis(false, 5000));
  }

  @Test
  void routePortsArePreferredFromTheServiceIdAndNeverCollide() {
    assertEquals(10040, RoutePort.allocate(40, Set.of()));
    assertEquals(10040, RoutePort.allocate(10040, Set.of()), "wraps at the range's size");
    assertEquals(10041, RoutePort.allocate(10040, Set.of(10040)));
    assertEquals(10000, RoutePort.allocate(9999, Set.of(19999)), "wraps at the range's end");
    java.util.Set<Integer> all = new java.util.HashSet<>();
    for (int p = RoutePort.FIRST; p <= RoutePort.LAST; p++) {
      all.add(p);
    }
    assertThrows(IllegalStateException.class, () -> RoutePort.allocate(1, all));
  }

  @Test
  void theLatestAssociationWinsARoamingClient() {
    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    StationSighting old = new StationSighting("c1", 1, "n1", 1000, t0.plusSeconds(2));
    StationSighting fresh = new StationSighting("c1", 2, "n2", 5000, t0);
    StationSighting other = new StationSighting("c2", 1, "n1", 1000, t0);

    Map<String, StationSighting> winners = StationSighting.latest(List.of(old, fresh, other));

    assertEquals("n2", winners.get("c1").node());
    assertEquals("n1", winners.get("c2").node());
    StationSighting sameSinceLater = new StationSighting("c1", 3, "n3", 5000, t0.plusSeconds(1));
    assertEquals(
        "n3", StationSighting.latest(List.of(fresh, sameSinceLater)).get("c1").node(), "tie");
  }
}

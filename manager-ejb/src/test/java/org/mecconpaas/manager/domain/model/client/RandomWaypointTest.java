package org.mecconpaas.manager.domain.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

class RandomWaypointTest {
  /** 600 m by 600 m around a campus centre. */
  private static final Area AREA =
      Area.around(List.of(new GeoPoint(52.16, 4.49), new GeoPoint(52.1627, 4.4944)), 0);

  private static RandomWaypoint walk(int clients, long seed) {
    return new RandomWaypoint(
        new RandomWaypointSettings(clients, seed, new Span(1, 2), new Span(0, 5)), AREA);
  }

  private static List<SortedMap<String, GeoPoint>> firstSeconds(RandomWaypoint model, int n) {
    List<SortedMap<String, GeoPoint>> positions = new ArrayList<>();
    for (int second = 0; second < n; second++) {
      positions.add(model.positionsAt(second));
    }
    return positions;
  }

  @Test
  void theSameSeedGivesTheSamePositionsEverySecond() {
    assertEquals(firstSeconds(walk(12, 42), 900), firstSeconds(walk(12, 42), 900));
  }

  @Test
  void anotherSeedGivesOtherWalks() {
    assertNotEquals(walk(12, 42).positionsAt(60), walk(12, 43).positionsAt(60));
  }

  @Test
  void aSecondAskedOutOfOrderIsTheSameAsWhenWalkedTo() {
    RandomWaypoint stepped = walk(5, 7);
    SortedMap<String, GeoPoint> at500 = firstSeconds(stepped, 501).get(500);

    RandomWaypoint jumped = walk(5, 7);
    assertEquals(at500, jumped.positionsAt(500));
    assertEquals(walk(5, 7).positionsAt(3), jumped.positionsAt(3), "replayed from the seed");
  }

  @Test
  void clientsAreNamedInOrderAndStayInTheAreaAtTheirSpeed() {
    RandomWaypoint model = walk(12, 1);
    assertEquals("c01", model.clients().get(0));
    assertEquals("c12", model.clients().get(11));
    assertEquals("c001", walk(100, 1).clients().get(0));

    List<SortedMap<String, GeoPoint>> seconds = firstSeconds(model, 600);
    for (int s = 0; s < seconds.size(); s++) {
      assertEquals(model.clients(), List.copyOf(seconds.get(s).keySet()));
      for (Map.Entry<String, GeoPoint> e : seconds.get(s).entrySet()) {
        assertTrue(AREA.contains(e.getValue()), e + " at " + s);
        if (s > 0) {
          double step = seconds.get(s - 1).get(e.getKey()).distanceMeters(e.getValue());
          assertTrue(step <= 2.0 * 1.001, e.getKey() + " moved " + step + " m in second " + s);
        }
      }
    }
    assertNotEquals(seconds.get(0), seconds.get(599), "they move");
  }

  @Test
  void aPointSizedAreaDoesNotSpin() {
    Area point = new Area(52.16, 4.49, 52.16, 4.49);
    RandomWaypoint model =
        new RandomWaypoint(new RandomWaypointSettings(2, 1, new Span(1, 1), new Span(0, 0)), point);
    assertEquals(new GeoPoint(52.16, 4.49), model.positionsAt(86_400).get("c01"));
  }

  @Test
  void settingsTakeDefaultsAndASeedWhenLeftOut() {
    RandomWaypointSettings settings = RandomWaypointSettings.of(3, null, null, null, null, () -> 9);
    assertEquals(
        new RandomWaypointSettings(
            3, 9, RandomWaypointSettings.DEFAULT_SPEED, RandomWaypointSettings.DEFAULT_PAUSE),
        settings);
    assertEquals(
        new RandomWaypointSettings(5, 4, new Span(1, 3), new Span(2, 2)),
        RandomWaypointSettings.of(
            5, "random-waypoint", 4L, List.of(1.0, 3.0), List.of(2.0, 2.0), () -> 9));
  }

  @Test
  void badSettingsAreRefusedFieldByField() {
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                RandomWaypointSettings.of(
                    0, "gauss-markov", 1L, List.of(0.0, 1.0), List.of(5.0), () -> 1));
    assertEquals(
        List.of("model", "clients", "speedMps", "pauseSeconds"),
        refused.errors().stream().map(FieldError::field).toList());

    for (List<Double> speed : List.of(List.of(2.0, 1.0), List.of(1.0, 61.0), List.of(-1.0, 1.0))) {
      assertThrows(
          RuleViolation.class,
          () -> RandomWaypointSettings.of(1, null, 1L, speed, null, () -> 1),
          speed.toString());
    }
    assertThrows(
        RuleViolation.class, () -> RandomWaypointSettings.of(1001, null, 1L, null, null, () -> 1));
    assertThrows(
        RuleViolation.class, () -> RandomWaypointSettings.of(null, null, 1L, null, null, () -> 1));
  }
}

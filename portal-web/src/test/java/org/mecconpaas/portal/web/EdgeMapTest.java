package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.EdgeMap;
import org.mecconpaas.portal.interfaces.web.EdgeMap.Placement;
import org.mecconpaas.portal.interfaces.web.EdgeMap.Point;
import org.mecconpaas.portal.interfaces.web.EdgeMap.Site;

class EdgeMapTest {
  private static Site site(String name, double latitude, double longitude) {
    return new Site(name, latitude, longitude, "UP", 0.5, 2, 1, 0);
  }

  @Test
  void northIsUpEastIsRightAndEverythingFitsTheViewBox() {
    List<Point> points =
        EdgeMap.draw(
            List.of(
                site("west", 52.160, 4.480),
                site("east", 52.160, 4.500),
                site("north", 52.170, 4.490)),
            List.of());

    Point west = points.get(0);
    Point east = points.get(1);
    Point north = points.get(2);
    assertTrue(west.x() < east.x(), "east is to the right");
    assertTrue(north.y() < west.y(), "north is up");
    assertEquals(west.y(), east.y(), 0.01, "same latitude, same height");
    for (Point p : points) {
      assertTrue(p.x() >= 0 && p.x() <= EdgeMap.WIDTH, "x inside: " + p);
      assertTrue(p.y() >= 0 && p.y() <= EdgeMap.HEIGHT, "y inside: " + p);
    }
  }

  @Test
  void bothAxesShareOneScaleSoDistancesKeepTheirProportions() {
    // 0.01 degrees of latitude are about 1.1 km; at 52 degrees north, 0.01 degrees of longitude
    // are about 0.68 km
    List<Point> points =
        EdgeMap.draw(
            List.of(site("a", 52.0, 4.0), site("b", 52.0, 4.01), site("c", 52.01, 4.0)), List.of());
    double east = points.get(1).x() - points.get(0).x();
    double north = points.get(0).y() - points.get(2).y();
    assertEquals(Math.cos(Math.toRadians(52.005)), east / north, 0.01);
  }

  @Test
  void boardsAtOneSpotAreSpreadAroundIt() {
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sites.add(site("n" + i, 52.16, 4.49));
    }
    List<Point> points = EdgeMap.draw(sites, List.of());

    Set<String> places = new HashSet<>();
    points.forEach(p -> places.add(p.x() + ":" + p.y()));
    assertEquals(5, places.size(), "no two nodes drawn on top of each other");
    assertEquals(EdgeMap.WIDTH / 2.0, points.get(0).x(), 0.1, "the first one sits at the centre");
  }

  @Test
  void instancesAreMarkedAroundTheirNode() {
    List<Point> points =
        EdgeMap.draw(
            List.of(site("n1", 52.16, 4.48), site("n2", 52.16, 4.50)),
            List.of(
                new Placement("s1-master-0", "master", "RUNNING", "n1"),
                new Placement("s1-node-0", "node", "STARTING", "n1"),
                new Placement("s1-node-1", "node", "RUNNING", "n2"),
                new Placement("s1-node-2", "node", "RUNNING", "gone")));

    assertEquals(2, points.get(0).markers().size());
    assertEquals(1, points.get(1).markers().size());
    var marker = points.get(0).markers().get(0);
    double distance = Math.hypot(marker.x() - points.get(0).x(), marker.y() - points.get(0).y());
    assertEquals(28, distance, 0.2, "on a ring just outside the node");
    assertNotEquals(points.get(0).markers().get(0), points.get(0).markers().get(1));
  }

  @Test
  void theLoadRingAndTheDescriptionSayHowBusyANodeIs() {
    Point busy = EdgeMap.draw(List.of(new Site("n1", 1, 1, "UP", 0.5, 3, 0, 2)), List.of()).get(0);
    Point unknown =
        EdgeMap.draw(List.of(new Site("n1", 1, 1, "DOWN", null, 0, 0, 0)), List.of()).get(0);
    Point overloaded =
        EdgeMap.draw(List.of(new Site("n1", 1, 1, "UP", 4.2, 1, 1, 1)), List.of()).get(0);

    String[] half = busy.loadDash().split(" ");
    assertEquals(Double.parseDouble(half[1]) / 2, Double.parseDouble(half[0]), 0.1);
    assertTrue(unknown.loadDash().startsWith("0.0 "));
    String[] full = overloaded.loadDash().split(" ");
    assertEquals(full[1], full[0], "a load above 1 fills the ring, no more");
    assertEquals("node n1, UP, load 50 %, 3 containers, 2 connected clients", busy.description());
    assertEquals(
        "node n1, UP, load 420 %, 1 container, 1 of yours, 1 connected client",
        overloaded.description());
    assertEquals("node n1, DOWN, load —, 0 containers, 0 connected clients", unknown.description());
  }

  @Test
  void noNodesNoPoints() {
    assertEquals(List.of(), EdgeMap.draw(List.of(), List.of()));
  }
}

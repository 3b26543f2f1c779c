package org.mecconpaas.agent.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeLayoutTest {

  /** Great-circle distance in metres. */
  static double meters(NodeSite a, NodeSite b) {
    double r = 6_371_000;
    double dLat = Math.toRadians(b.latitude() - a.latitude());
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }

  @Test
  void defaultCampusIsAGridOfRpi3AroundTheCentre() {
    EdgeLayout layout = EdgeLayout.defaultCampus(4);
    List<NodeSite> n = layout.nodes();
    assertEquals(List.of("n1", "n2", "n3", "n4"), n.stream().map(NodeSite::name).toList());
    assertTrue(n.stream().allMatch(s -> s.profile().equals(HardwareProfile.RPI3)));
    double lat = n.stream().mapToDouble(NodeSite::latitude).average().orElseThrow();
    double lon = n.stream().mapToDouble(NodeSite::longitude).average().orElseThrow();
    assertEquals(52.16, lat, 1e-6);
    assertEquals(4.49, lon, 1e-6);
    assertEquals(150, meters(n.get(0), n.get(1)), 1.0); // same row
    assertEquals(150, meters(n.get(0), n.get(2)), 1.0); // same column
    assertEquals(150 * Math.sqrt(2), meters(n.get(0), n.get(3)), 1.0);
  }

  @Test
  void oneNodeStandsOnTheCentreAndFiveFillThreeColumns() {
    NodeSite only = EdgeLayout.defaultCampus(1).nodes().get(0);
    assertEquals(52.16, only.latitude(), 1e-9);
    assertEquals(4.49, only.longitude(), 1e-9);
    List<NodeSite> five = EdgeLayout.defaultCampus(5).nodes();
    assertEquals(five.get(0).latitude(), five.get(2).latitude(), 1e-9);
    assertEquals(300, meters(five.get(0), five.get(2)), 1.5);
  }

  @Test
  void ringNeighboursAreSpacingApart() {
    List<NodeSite> ring = EdgeLayout.ring(6, 52.16, 4.49, 150, HardwareProfile.RPI4).nodes();
    for (int i = 0; i < 6; i++) {
      assertEquals(150, meters(ring.get(i), ring.get((i + 1) % 6)), 1.0);
    }
    assertEquals(HardwareProfile.RPI4, ring.get(0).profile());
  }

  @Test
  void parsesTheLayoutFile() {
    EdgeLayout layout =
        EdgeLayout.parse(
            """
            name, latitude, longitude, profile
            # the library and the station
            library, 52.15720, 4.48530

            station ,52.1664,4.4817 , RPI4
            """);
    assertEquals(2, layout.size());
    NodeSite station = layout.nodes().get(1);
    assertEquals("station", station.name());
    assertEquals(52.1664, station.latitude(), 1e-9);
    assertEquals(HardwareProfile.RPI4, station.profile());
    assertEquals(HardwareProfile.RPI3, layout.nodes().get(0).profile());
  }

  @Test
  void formatReadsBack() {
    EdgeLayout layout = EdgeLayout.defaultCampus(7);
    assertEquals(layout, EdgeLayout.parse(layout.format()));
    assertEquals(3, layout.first(3).size());
  }

  @Test
  void errorsNameTheLine() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> EdgeLayout.parse("a, 52, 4\nb, north, 4\n"));
    assertTrue(e.getMessage().startsWith("layout line 2:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.parse("a, 52, 4\na, 52, 5\n"));
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.parse("Pi_01, 52, 4\n"));
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.parse("a, 91, 4\n"));
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.parse("a, 52, 4, cray\n"));
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.parse("# nothing\n"));
    assertThrows(IllegalArgumentException.class, () -> EdgeLayout.defaultCampus(90));
  }
}

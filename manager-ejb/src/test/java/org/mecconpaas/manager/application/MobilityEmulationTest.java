package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.infrastructure.emulation.AccessPointSettings;
import org.mecconpaas.manager.infrastructure.emulation.EmulatedEdgeSettings;

/** The mobility emulation, from the operator's start to the agents' reports. */
class MobilityEmulationTest extends MasterTestSupport {
  /** 150 m north-south, about 150 m east-west at this latitude, as the emulator's grid. */
  private static final double NORTH = 150 / 111_320.0;

  private static final double EAST = 150 / (111_320.0 * Math.cos(Math.toRadians(52.16)));

  private TestingEdge edge;
  private final Map<String, String> credentials = new TreeMap<>();

  @BeforeEach
  void edge() {
    edge = new TestingEdge(master);
  }

  /** n1..n4 on a 2 by 2 grid, 150 m apart. */
  private void grid() {
    for (int i = 0; i < 4; i++) {
      String name = "n" + (i + 1);
      credentials.put(
          name,
          edge.enrollAt(
              name, 52.16 + (i / 2) * NORTH, 4.49 + (i % 2) * EAST, "10.77.0." + (11 + i)));
    }
  }

  private MobilityRun randomWaypoint(int clients, long seed) {
    Caller admin = edge.admin();
    return master.inTransaction(
        () ->
            edge.mobility.startRandomWaypoint(
                admin, clients, "random-waypoint", seed, List.of(1.0, 2.0), null));
  }

  private MobilityRun trace(String csv) {
    Caller admin = edge.admin();
    return master.inTransaction(
        () ->
            edge.mobility.startTrace(
                admin, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
  }

  private void stop() {
    Caller admin = edge.admin();
    master.run(() -> edge.mobility.stop(admin));
  }

  private MobilityRun current() {
    return edge.mobility.current(edge.admin()).orElseThrow();
  }

  private void nextSecond() {
    master.clock.advance(Duration.ofSeconds(1));
    edge.accessPointPass();
  }

  @Test
  void onlyOperatorsOnAnEmulatedEdgeWithNodesStartIt() {
    assertThrows(StateConflict.class, () -> randomWaypoint(3, 1), "no nodes yet");
    grid();
    Caller alice = edge.alice();
    assertThrows(
        AccessDenied.class,
        () -> master.run(() -> edge.mobility.startRandomWaypoint(alice, 3, null, 1L, null, null)));

    AccessPointSettings real =
        new AccessPointSettings(
            new EmulatedEdgeSettings(0, Optional.empty(), "process", 8080), 150, 2, 5, 200);
    MobilityEmulation onRealBoards =
        new MobilityEmulation(master.nodes, edge.clients, real, master.audit, master.clock);
    assertFalse(onRealBoards.available());
    Caller admin = edge.admin();
    StateConflict refused =
        assertThrows(
            StateConflict.class,
            () ->
                master.run(() -> onRealBoards.startRandomWaypoint(admin, 3, null, 1L, null, null)));
    assertTrue(refused.getMessage().contains("emulated edge"), refused.getMessage());
    assertTrue(edge.mobility.current(alice).isEmpty());
  }

  @Test
  void clientsGoToTheNearestAccessPointAndComeBackAsItsStations() {
    grid();
    MobilityRun run = randomWaypoint(40, 7);
    assertEquals(40, run.positions().size());
    edge.accessPointPass();

    Map<String, List<String>> stations = new TreeMap<>();
    credentials.forEach(
        (node, credential) -> {
          Reply reply = edge.heartbeatWithStations(credential, List.of());
          assertEquals(current().stationsOf(node), reply.accessPoint().stations(), node);
          stations.put(node, reply.accessPoint().stations());
        });
    assertTrue(
        stations.values().stream().mapToInt(List::size).sum() > 20,
        "most clients are in range of some node: " + stations);

    // the emulated agents report their stations back, as real boards do from hostapd
    credentials.forEach(
        (node, credential) ->
            edge.heartbeatWithStations(
                credential, stations.get(node).stream().map(c -> new StationSeen(c, 1)).toList()));
    edge.accessPointPass();
    Map<String, Node> associated = master.inTransaction(edge.clients::currentAccessPoints);
    stations.forEach(
        (node, clients) -> clients.forEach(c -> assertEquals(node, associated.get(c).name(), c)));

    Caller admin = edge.admin();
    MobileClient c01 = master.inTransaction(() -> edge.clientDirectory.get(admin, "c01"));
    assertEquals(Optional.of(current().positions().get("c01")), c01.position());
    assertTrue(edge.actions().contains("mobility.start"));
  }

  @Test
  void theSameSeedReplaysTheSameWalks() {
    grid();
    List<SortedMap<String, GeoPoint>> first = walk(11);
    stop();
    List<SortedMap<String, GeoPoint>> again = walk(11);
    assertEquals(first, again);
    stop();
    assertNotEquals(first, walk(12));
  }

  private List<SortedMap<String, GeoPoint>> walk(long seed) {
    randomWaypoint(5, seed);
    List<SortedMap<String, GeoPoint>> seconds = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      nextSecond();
      seconds.add(current().positions());
    }
    return seconds;
  }

  @Test
  void oneRunAtATimeAndStoppingClearsStationsAndPositions() {
    grid();
    randomWaypoint(5, 1);
    assertThrows(StateConflict.class, () -> randomWaypoint(5, 2));
    edge.accessPointPass();
    assertEquals(5, master.inTransaction(edge.clients::positioned).size());

    stop();
    assertTrue(edge.mobility.current(edge.admin()).isEmpty());
    assertEquals(List.of(), edge.mobility.stationsFor("n1"));
    edge.accessPointPass();
    assertEquals(List.of(), master.inTransaction(edge.clients::positioned));
    assertTrue(edge.actions().contains("mobility.stop"));
    stop(); // stopping again changes nothing
  }

  @Test
  void aTraceMovesItsClientsFromAccessPointToAccessPoint() {
    grid();
    trace(
        String.format(
            java.util.Locale.ROOT,
            "time,client,lat,lon\n0,alice,52.16,4.49\n10,alice,%.6f,4.49\n5,bob,52.16,4.49\n",
            52.16 + NORTH));
    edge.accessPointPass();
    assertEquals(Map.of("alice", "n1"), current().accessPoints(), "bob from second 5");

    for (int s = 0; s < 10; s++) {
      nextSecond();
    }
    assertEquals(Map.of("alice", "n3", "bob", "n1"), current().accessPoints());
    assertEquals(List.of("alice"), edge.mobility.stationsFor("n3"));
  }

  @Test
  void aTraceWithABadLineIsRefusedWholeAndNothingRuns() {
    grid();
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> trace("0,alice,52.16,4.49\n5,alice,48.85,2.35\n3,bob,x,1\n"));
    assertEquals(
        List.of("line 2", "line 3"), refused.errors().stream().map(e -> e.field()).toList());
    assertTrue(edge.mobility.current(edge.admin()).isEmpty());
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.client.ClientAssociation;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.node.Node;

/** Stations in heartbeats become clients, associations and their history. */
class ClientAssociationsTest extends MasterTestSupport {
  private TestingEdge edge;
  private String n1;
  private String n2;

  @BeforeEach
  void edge() {
    edge = new TestingEdge(master);
    n1 = edge.enrollAt("n1", 52.160, 4.490, "10.77.0.11");
    n2 = edge.enrollAt("n2", 52.161, 4.490, "10.77.0.12");
  }

  private void report(String credential, StationSeen... stations) {
    edge.heartbeatWithStations(credential, List.of(stations));
  }

  private static StationSeen seen(String client, long since) {
    return new StationSeen(client, since);
  }

  private MobileClient client(String id) {
    Caller admin = edge.admin();
    return master.inTransaction(() -> edge.clientDirectory.get(admin, id));
  }

  private String nodeOf(String id) {
    return client(id).node().map(Node::name).orElse(null);
  }

  /** History as "node from..to" in seconds after the test's start, newest first. */
  private List<String> history(String id) {
    Instant start = edge.node("n1").createdAt();
    Caller alice = edge.alice();
    return master
        .inTransaction(() -> edge.clientDirectory.history(alice, id, 0, 50))
        .items()
        .stream()
        .map(
            (ClientAssociation a) ->
                a.node().name()
                    + " "
                    + Duration.between(start, a.from()).toSeconds()
                    + ".."
                    + (a.to() == null ? "" : Duration.between(start, a.to()).toSeconds()))
        .toList();
  }

  private void later(int seconds) {
    master.clock.advance(Duration.ofSeconds(seconds));
  }

  @Test
  void aReportedStationIsAssociatedWithTheNodeWithinAPass() {
    report(n1, seen("c07", 1000));
    assertThrows(ResourceNotFound.class, () -> client("c07"), "applied by the pass only");

    edge.accessPointPass();

    MobileClient c07 = client("c07");
    assertEquals("n1", nodeOf("c07"));
    assertEquals(master.clock.instant(), c07.associatedAt());
    assertEquals(master.clock.instant(), c07.firstSeenAt());
    assertTrue(c07.position().isEmpty(), "real clients have no position");
    assertEquals(List.of("n1 0.."), history("c07"));
  }

  @Test
  void aClientRoamsToTheAccessPointItAssociatedWithLast() {
    report(n1, seen("c07", 1000));
    edge.accessPointPass();
    later(2);
    // n2 has it now; n1's hostapd still lists it from before
    report(n2, seen("c07", 5000));
    report(n1, seen("c07", 1000));
    edge.accessPointPass();
    assertEquals("n2", nodeOf("c07"));

    later(2);
    report(n1, seen("c07", 1000)); // a late report from n1 does not pull it back
    edge.accessPointPass();
    later(2);
    report(n1);
    edge.accessPointPass();
    assertEquals("n2", nodeOf("c07"));
    assertEquals(List.of("n2 2..", "n1 0..2"), history("c07"));

    later(2);
    report(n2);
    edge.accessPointPass();
    assertNull(nodeOf("c07"));
    assertNull(client("c07").associatedAt());
    assertEquals(List.of("n2 2..8", "n1 0..2"), history("c07"));
  }

  @Test
  void aNodeThatGoesDownLosesItsStations() {
    report(n1, seen("c1", 1), seen("c2", 1));
    report(n2, seen("c3", 1));
    edge.accessPointPass();
    assertEquals(Map.of(edge.node("n1").id(), 2L, edge.node("n2").id(), 1L), clientsPerNode());

    later(10);
    master.run(() -> master.nodes.byName("n1").orElseThrow().markDown());
    assertEquals(List.of("c3"), List.copyOf(currentAccessPoints().keySet()), "at once");

    edge.accessPointPass();
    assertNull(nodeOf("c1"));
    assertNull(nodeOf("c2"));
    assertEquals("n2", nodeOf("c3"));
    assertEquals(List.of("n1 0..10"), history("c1"));
  }

  @Test
  void nodesNotHeardSinceTheMasterStartedKeepTheirClients() {
    report(n1, seen("c1", 1));
    edge.accessPointPass();

    // a restarted master: no station list in memory yet
    ClientAssociations restarted = new ClientAssociations(edge.clients, master.nodes, master.clock);
    later(1);
    master.run(restarted::reconcile);
    assertEquals("n1", nodeOf("c1"));

    restarted.reported(edge.node("n1"), List.of(), master.clock.instant());
    master.run(restarted::reconcile);
    assertNull(nodeOf("c1"), "once n1 reports again, its list counts");
  }

  @Test
  void stationIdsThatCannotBeClientIdsAreIgnored() {
    report(n1, seen("aa:bb:cc:dd:ee:ff", 1), seen("no spaces", 1), seen("", 1));
    edge.accessPointPass();

    assertEquals(List.of("aa:bb:cc:dd:ee:ff"), List.copyOf(currentAccessPoints().keySet()));
  }

  @Test
  void theDirectoryPagesClientsAndHistoriesAndNamesUnknownClients() {
    report(n1, seen("c1", 1), seen("c2", 1), seen("c3", 1));
    edge.accessPointPass();
    later(2);
    report(n1);
    report(n2, seen("c1", 2));
    edge.accessPointPass();

    Caller alice = edge.alice();
    Page<MobileClient> page = master.inTransaction(() -> edge.clientDirectory.list(alice, 1, 2));
    assertEquals(3, page.total());
    assertEquals(List.of("c3"), page.items().stream().map(MobileClient::id).toList());
    Page<ClientAssociation> newest =
        master.inTransaction(() -> edge.clientDirectory.history(alice, "c1", 0, 1));
    assertEquals(2, newest.total());
    assertEquals("n2", newest.items().get(0).node().name());
    assertThrows(
        ResourceNotFound.class,
        () -> master.run(() -> edge.clientDirectory.history(alice, "c9", 0, 10)));
    assertThrows(
        org.mecconpaas.manager.domain.model.MalformedRequest.class,
        () -> master.run(() -> edge.clientDirectory.list(alice, 0, 501)));
  }

  private Map<String, Node> currentAccessPoints() {
    return master.inTransaction(edge.clients::currentAccessPoints);
  }

  private Map<Long, Long> clientsPerNode() {
    return master.inTransaction(edge.clients::clientsPerNode);
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.application.ServiceOperations.PlacementRequest;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.domain.model.service.Service;

/**
 * Follow-me over the edge: a user walks from one end of a row of access points to the other, and
 * the near-users service's instance is migrated after them once they are farther than allowed.
 */
class FollowMeTest extends MasterTestSupport {
  private TestingEdge edge;
  private Caller alice;
  private final String[] nodes = new String[4];
  private Service web;

  @BeforeEach
  void aRowOfFourAccessPointsAndAUserAtTheFirst() {
    edge = new TestingEdge(master);
    alice = edge.alice();
    // about 220 m apart
    for (int i = 0; i < 4; i++) {
      nodes[i] = edge.enrollAt("n" + (i + 1), 52.160 + i * 0.002, 4.490, "10.77.0.1" + (i + 1));
    }
    stationAt(0, "c07");
    web = edge.genericService("web", 0);
    master.run(
        () ->
            edge.serviceOperations.place(
                alice,
                "shop",
                "web",
                new PlacementRequest("near-users", null, null, null, 300.0, null)));
    edge.start("web");
    edge.reconcile(web.id());
    runAll();
    edge.reconcile(web.id());
  }

  /** The user's station is on node {@code index}; every node reports once. */
  private void stationAt(int index, String client) {
    for (int i = 0; i < nodes.length; i++) {
      edge.heartbeatWithStations(
          nodes[i], i == index ? List.of(new StationSeen(client, 1000)) : List.of());
    }
    edge.accessPointPass();
  }

  private void runAll() {
    for (String node : nodes) {
      Reply reply = edge.heartbeat(node);
      edge.heartbeat(node, TestingEdge.reportAll(reply, InstanceState.RUNNING));
    }
  }

  private String nodeOfMaster() {
    return edge.instancesOf(web.id()).stream()
        .filter(i -> !i.removing() && i.migrationId() == null)
        .findFirst()
        .orElseThrow()
        .node()
        .name();
  }

  @Test
  void theInstanceFollowsItsUserOnceTheyAreFartherThanAllowed() {
    assertEquals("n1", nodeOfMaster(), "placed at the user's access point");

    stationAt(1, "c07"); // 220 m: within 300 m, nothing moves
    edge.reconcile(web.id());
    List<Migration> none =
        master.inTransaction(
            () ->
                new Migrations(
                        master.em,
                        edge.serviceOperations,
                        edge.reconciler,
                        master.audit,
                        master.clock)
                    .list(alice, "shop", "web"));
    assertTrue(none.isEmpty(), none.toString());

    stationAt(3, "c07"); // 660 m away now
    edge.reconcile(web.id());
    List<Migration> started =
        master.inTransaction(
            () ->
                new Migrations(
                        master.em,
                        edge.serviceOperations,
                        edge.reconciler,
                        master.audit,
                        master.clock)
                    .list(alice, "shop", "web"));
    assertEquals(1, started.size());
    Migration move = started.get(0);
    assertEquals(Migration.Trigger.FOLLOW_ME, move.trigger());
    assertEquals("n4", move.toNode());
    assertTrue(move.triggerDetail().contains("at most 300 m"), move.triggerDetail());
    assertTrue(
        edge.instancesOf(web.id()).stream().anyMatch(i -> i.migrationId() != null),
        "the destination is provisioned in the pass that started the migration");

    edge.reconcile(web.id());
    runAll();
    edge.reconcile(web.id());
    master.clock.advance(MigrationRunner.DRAIN.plusSeconds(1));
    edge.reconcile(web.id());
    runAll();
    edge.reconcile(web.id());
    assertEquals("n4", nodeOfMaster(), "the instance followed its user");
    assertEquals(
        List.of(Instance.nameOf(web.id(), "master", 0) + "-m" + move.id()),
        edge.instancesOf(web.id()).stream().map(Instance::name).toList());
  }

  /** Each client at its node (by index) in one round of heartbeats. */
  private void stationsAt(Map<String, Integer> clients) {
    for (int i = 0; i < nodes.length; i++) {
      int node = i;
      edge.heartbeatWithStations(
          nodes[i],
          clients.entrySet().stream()
              .filter(e -> e.getValue() == node)
              .map(e -> new StationSeen(e.getKey(), 1000))
              .toList());
    }
    edge.accessPointPass();
  }

  private List<Migration> migrations() {
    return master.inTransaction(
        () ->
            new Migrations(
                    master.em, edge.serviceOperations, edge.reconciler, master.audit, master.clock)
                .list(alice, "shop", "web"));
  }

  private Service placeFollowing(Set<String> users, String policy, Double maxDistance) {
    return master.inTransaction(
        () ->
            edge.serviceOperations.place(
                alice,
                "shop",
                "web",
                new PlacementRequest(policy, null, null, null, maxDistance, null, users)));
  }

  @Test
  void aServiceThatNamesItsUsersFollowsOnlyThem() {
    placeFollowing(Set.of("c07"), "near-users", 300.0);
    assertEquals(List.of(), edge.reconciler.servicesFollowing(Set.of("c99")), "not its user");
    assertEquals(List.of(web.id()), edge.reconciler.servicesFollowing(Set.of("c99", "c07")));
    stationsAt(Map.of("c07", 0, "c99", 3)); // c99 is 660 m away, but not a user
    edge.reconcile(web.id());
    assertTrue(migrations().isEmpty(), migrations().toString());

    stationsAt(Map.of("c07", 3, "c99", 0)); // now the user is
    edge.reconcile(web.id());
    List<Migration> started = migrations();
    assertEquals(1, started.size());
    assertEquals("n4", started.get(0).toNode());
    assertEquals(
        Set.of("c07"),
        master.inTransaction(
            () -> edge.serviceOperations.find(alice, "shop", "web").placement().users()));
  }

  @Test
  void usersAreRefusedOutsideNearUsersAndWhenTheyAreNoClientIds() {
    RuleViolation notNearUsers =
        assertThrows(RuleViolation.class, () -> placeFollowing(Set.of("c07"), "spread", null));
    assertTrue(
        notNearUsers.errors().toString().contains("users only apply to the near-users policy"),
        notNearUsers.errors().toString());
    RuleViolation badId =
        assertThrows(
            RuleViolation.class, () -> placeFollowing(Set.of("../etc"), "near-users", 300.0));
    assertTrue(badId.errors().toString().contains("users are client ids"), badId.toString());
    Service unchanged =
        master.inTransaction(() -> edge.serviceOperations.find(alice, "shop", "web"));
    assertEquals(Set.of(), unchanged.placement().users(), "nothing applied");
    assertEquals(300.0, unchanged.placement().maxUserDistanceMeters().orElseThrow());
  }
}

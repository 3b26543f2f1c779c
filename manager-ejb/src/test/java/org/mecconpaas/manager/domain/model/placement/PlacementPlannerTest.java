package org.mecconpaas.manager.domain.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.placement.PlacementPlan.Placement;
import org.mecconpaas.manager.domain.model.placement.PlacementPlan.Slot;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;

/** The planner is pure: plans from role counts, current instances and node capacities alone. */
class PlacementPlannerTest {
  private static final ResourceRequest ONE = ResourceRequest.DEFAULT; // 250 mCPU, 128 MiB
  private final PlacementPlanner planner = new PlacementPlanner(ONE);

  /** An up, healthy node with room for {@code room} instances of the default size. */
  private static NodeCapacity node(long id, String name, int room) {
    return new NodeCapacity(
        id, name, room * ONE.cpuMillis(), room * ONE.memoryMiB(), true, true, 0, 0, 0, 0);
  }

  /** A node that already holds {@code ofService} + {@code others} instances. */
  private static NodeCapacity busy(long id, String name, int room, int ofService, int others) {
    int used = ofService + others;
    return new NodeCapacity(
        id,
        name,
        (room + used) * ONE.cpuMillis(),
        (room + used) * ONE.memoryMiB(),
        true,
        true,
        used * ONE.cpuMillis(),
        used * ONE.memoryMiB(),
        ofService,
        used);
  }

  /** Down or drained: takes nothing new, and what is there must go. */
  private static NodeCapacity unhealthy(long id, String name, int room) {
    return new NodeCapacity(
        id, name, room * ONE.cpuMillis(), room * ONE.memoryMiB(), false, false, 0, 0, 0, 0);
  }

  private static Map<String, Integer> roles(Object... roleAndCount) {
    Map<String, Integer> roles = new LinkedHashMap<>();
    for (int i = 0; i < roleAndCount.length; i += 2) {
      roles.put((String) roleAndCount[i], (Integer) roleAndCount[i + 1]);
    }
    return roles;
  }

  private static Placement at(String role, int slot, long nodeId) {
    return new Placement(new Slot(role, slot), nodeId);
  }

  private static CurrentInstance current(String role, int slot, Long nodeId) {
    return new CurrentInstance("s1-" + role + "-" + slot, role, slot, nodeId);
  }

  @Test
  void spreadGivesEachNextInstanceToTheNodeWithFewestOfTheService() {
    PlacementPlan plan =
        planner.plan(
            roles("master", 1, "node", 3),
            PlacementPolicy.SPREAD,
            List.of(),
            List.of(node(1, "a", 8), node(2, "b", 8), node(3, "c", 8)));

    assertEquals(
        List.of(at("master", 0, 1), at("node", 0, 2), at("node", 1, 3), at("node", 2, 1)),
        plan.creates());
    assertEquals(List.of(), plan.moves());
    assertEquals(List.of(), plan.removals());
    assertEquals(List.of(), plan.unplaceable());
    assertTrue(plan.changesMembership());
  }

  @Test
  void spreadCountsTheServicesInstancesFirstThenAllInstancesThenTheName() {
    // a has nothing of this service but is busy; b has one of it; c is empty
    List<NodeCapacity> nodes =
        List.of(busy(1, "a", 4, 0, 3), busy(2, "b", 4, 1, 0), node(3, "c", 4));

    PlacementPlan plan =
        planner.plan(
            roles("node", 3), PlacementPolicy.SPREAD, List.of(current("node", 0, 2L)), nodes);

    // node-0 stays on b; c (0 of it, 0 in all) before a (0 of it, 3 in all); then a before b
    assertEquals(List.of(at("node", 1, 3), at("node", 2, 1)), plan.creates());
  }

  @Test
  void tiesAreBrokenByNodeNameWhateverTheOrderNodesAreListedIn() {
    PlacementPlan plan =
        planner.plan(
            roles("node", 1),
            PlacementPolicy.SPREAD,
            List.of(),
            List.of(node(3, "pi-c", 2), node(1, "pi-b", 2), node(2, "pi-a", 2)));

    assertEquals(List.of(at("node", 0, 2)), plan.creates());
  }

  @Test
  void packFillsTheBusiestNodeThatStillFits() {
    List<NodeCapacity> nodes =
        List.of(node(1, "a", 4), busy(2, "b", 2, 0, 2), busy(3, "c", 1, 0, 6));

    PlacementPlan plan = planner.plan(roles("node", 5), PlacementPolicy.PACK, List.of(), nodes);

    // c is the busiest (one slot left), then b (two), then the empty a
    assertEquals(
        List.of(
            at("node", 0, 3),
            at("node", 1, 2),
            at("node", 2, 2),
            at("node", 3, 1),
            at("node", 4, 1)),
        plan.creates());
    assertEquals(List.of(), plan.unplaceable());
  }

  @Test
  void instancesOnHealthyNodesStayPut() {
    List<CurrentInstance> current =
        List.of(current("master", 0, 1L), current("node", 0, 1L), current("node", 1, 2L));

    PlacementPlan plan =
        planner.plan(
            roles("master", 1, "node", 2),
            PlacementPolicy.SPREAD,
            current,
            // even on a full node: what runs is not moved for lack of room
            List.of(busy(1, "a", 0, 2, 0), busy(2, "b", 4, 1, 0)));

    assertTrue(plan.isEmpty());
    assertFalse(plan.changesMembership());
    assertEquals(List.of(), plan.unplaceable());
  }

  @Test
  void instancesOfADrainedOrDownNodeMoveAndNothingNewGoesThere() {
    List<CurrentInstance> current =
        List.of(current("master", 0, 1L), current("node", 0, 2L), current("node", 1, 1L));

    PlacementPlan plan =
        planner.plan(
            roles("master", 1, "node", 3),
            PlacementPolicy.SPREAD,
            current,
            List.of(unhealthy(1, "a", 8), busy(2, "b", 8, 1, 0), node(3, "c", 8)));

    assertEquals(List.of(at("master", 0, 3), at("node", 1, 2)), plan.moves());
    assertEquals(List.of(at("node", 2, 3)), plan.creates());
    assertTrue(plan.creates().stream().noneMatch(p -> p.nodeId() == 1));
    assertEquals(List.of(), plan.removals());
    assertTrue(plan.changesMembership());
  }

  @Test
  void anInstanceWithoutAKnownNodeIsPlacedAgain() {
    PlacementPlan plan =
        planner.plan(
            roles("node", 2),
            PlacementPolicy.SPREAD,
            List.of(current("node", 0, null), current("node", 1, 42L)),
            List.of(node(1, "a", 4)));

    assertEquals(List.of(at("node", 0, 1), at("node", 1, 1)), plan.moves());
    assertEquals(List.of(), plan.creates());
  }

  @Test
  void slotsNoNodeCanTakeAreUnplaceable() {
    // room for two in CPU; b has CPU to spare but memory for nothing
    NodeCapacity b = new NodeCapacity(2, "b", 4000, 100, true, true, 0, 0, 0, 0);

    PlacementPlan plan =
        planner.plan(
            roles("master", 1, "node", 3),
            PlacementPolicy.SPREAD,
            List.of(),
            List.of(node(1, "a", 2), b, unhealthy(3, "c", 8)));

    assertEquals(List.of(at("master", 0, 1), at("node", 0, 1)), plan.creates());
    assertEquals(List.of(new Slot("node", 1), new Slot("node", 2)), plan.unplaceable());
  }

  @Test
  void withoutNodesEverythingIsUnplaceable() {
    PlacementPlan plan =
        planner.plan(roles("master", 1, "node", 1), PlacementPolicy.PACK, List.of(), List.of());

    assertTrue(plan.isEmpty());
    assertEquals(List.of(new Slot("master", 0), new Slot("node", 0)), plan.unplaceable());
  }

  @Test
  void aMoveThatFindsNoRoomIsUnplaceableAndTheInstanceIsNotRemoved() {
    PlacementPlan plan =
        planner.plan(
            roles("node", 1),
            PlacementPolicy.SPREAD,
            List.of(current("node", 0, 1L)),
            List.of(unhealthy(1, "a", 4), busy(2, "b", 0, 0, 4)));

    assertEquals(List.of(), plan.moves());
    assertEquals(List.of(), plan.removals());
    assertEquals(List.of(new Slot("node", 0)), plan.unplaceable());
  }

  @Test
  void instancesBeyondTheCountsAreRemoved() {
    List<CurrentInstance> current =
        List.of(
            current("master", 0, 1L),
            current("node", 0, 1L),
            current("node", 1, 2L),
            current("node", 2, 2L));
    List<NodeCapacity> nodes = List.of(busy(1, "a", 4, 2, 0), busy(2, "b", 4, 2, 0));

    PlacementPlan smaller =
        planner.plan(roles("master", 1, "node", 1), PlacementPolicy.SPREAD, current, nodes);
    assertEquals(List.of("s1-node-1", "s1-node-2"), smaller.removals());
    assertEquals(List.of(), smaller.creates());

    // a service that should not run keeps nothing
    PlacementPlan stopped = planner.plan(Map.of(), PlacementPolicy.SPREAD, current, nodes);
    assertEquals(List.of("s1-master-0", "s1-node-0", "s1-node-1", "s1-node-2"), stopped.removals());
    assertTrue(stopped.unplaceable().isEmpty());
  }

  @Test
  void theSameInputsGiveTheSamePlan() {
    List<NodeCapacity> nodes = List.of(node(1, "a", 2), busy(2, "b", 3, 0, 1), node(3, "c", 1));
    List<CurrentInstance> current = List.of(current("node", 0, 3L));

    PlacementPlan first =
        planner.plan(roles("master", 1, "node", 4), PlacementPolicy.SPREAD, current, nodes);
    PlacementPlan second =
        planner.plan(roles("master", 1, "node", 4), PlacementPolicy.SPREAD, current, nodes);

    assertEquals(first, second);
    assertEquals(5 - 1, first.creates().size() + first.unplaceable().size());
  }

  @Test
  void eachRoleTakesWhatItsCatalogRoleAsksAndMemoryIsNeverOvercommitted() {
    org.mecconpaas.catalog.ServiceType flink =
        org.mecconpaas.catalog.ServiceCatalog.standard().find("flink").orElseThrow();
    PlacementPlanner perRole = new PlacementPlanner(role -> ResourceRequest.of(flink, role));
    // three 1 GiB, one-core boards: a JobManager (640 MiB) leaves no room for a TaskManager
    // (832 MiB) on its board
    List<NodeCapacity> boards =
        List.of(
            new NodeCapacity(1, "n1", 1000, 1024, true, true, 0, 0, 0, 0),
            new NodeCapacity(2, "n2", 1000, 1024, true, true, 0, 0, 0, 0),
            new NodeCapacity(3, "n3", 1000, 1024, true, true, 0, 0, 0, 0));

    PlacementPlan plan =
        perRole.plan(
            roles("jobmanager", 1, "taskmanager", 3), PlacementPolicy.PACK, List.of(), boards);

    assertEquals(3, plan.creates().size());
    assertEquals(List.of(new Slot("taskmanager", 2)), plan.unplaceable());
    long onJobManagersBoard =
        plan.creates().stream().filter(p -> p.nodeId() == plan.creates().get(0).nodeId()).count();
    assertEquals(1, onJobManagersBoard, plan.creates().toString());
  }

  /** A campus row: n1 at the library, n2 ~110 m north, n3 ~220 m, n4 ~330 m; n4 is outdoor. */
  private static List<NodeCapacity> campus() {
    List<NodeCapacity> nodes = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      nodes.add(
          new NodeCapacity(
              i,
              "n" + i,
              1000,
              1024,
              true,
              true,
              0,
              0,
              0,
              0,
              new GeoPoint(52.1570 + (i - 1) * 0.001, 4.4850),
              i == 4 ? java.util.Set.of("outdoor") : java.util.Set.of()));
    }
    return nodes;
  }

  @Test
  void nearKeepsWithinItsRadiusClosestFirst() {
    PlacementSpec nearN3 =
        new PlacementSpec(
            PlacementPolicy.NEAR,
            java.util.Optional.of(new GeoPoint(52.1591, 4.4850)),
            150,
            java.util.Set.of(),
            List.of());

    PlacementPlan plan = planner.plan(roles("node", 3), nearN3, List.of(), campus());

    assertEquals(List.of(at("node", 0, 3), at("node", 1, 4), at("node", 2, 2)), plan.creates());
    PlacementPlan tight =
        planner.plan(
            roles("node", 1),
            new PlacementSpec(
                PlacementPolicy.NEAR,
                java.util.Optional.of(new GeoPoint(52.2, 4.4850)),
                150,
                java.util.Set.of(),
                List.of()),
            List.of(),
            campus());
    assertEquals(List.of(new Slot("node", 0)), tight.unplaceable(), "nothing within 150 m");
  }

  @Test
  void nearUsersPutsInstancesWhereTheUsersAre() {
    // two users at n1's access point, one at n4's
    List<GeoPoint> users =
        List.of(
            new GeoPoint(52.1570, 4.4850),
            new GeoPoint(52.1570, 4.4850),
            new GeoPoint(52.1600, 4.4850));
    PlacementSpec followMe =
        new PlacementSpec(
            PlacementPolicy.NEAR_USERS, java.util.Optional.empty(), 0, java.util.Set.of(), users);

    PlacementPlan one = planner.plan(roles("node", 1), followMe, List.of(), campus());
    assertEquals(List.of(at("node", 0, 1)), one.creates(), "least walking for the three together");
    PlacementPlan two = planner.plan(roles("node", 2), followMe, List.of(), campus());
    assertEquals(List.of(at("node", 0, 1), at("node", 1, 4)), two.creates(), "one per group");
  }

  @Test
  void labelsRestrictTheNodes() {
    PlacementSpec outdoor =
        new PlacementSpec(
            PlacementPolicy.SPREAD,
            java.util.Optional.empty(),
            0,
            java.util.Set.of("outdoor"),
            List.of());
    PlacementPlan plan = planner.plan(roles("node", 2), outdoor, List.of(), campus());
    assertEquals(List.of(at("node", 0, 4), at("node", 1, 4)), plan.creates(), "outdoor only");
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.application.DashboardQueries.Counters;
import org.mecconpaas.manager.application.DashboardQueries.NodeDetail;
import org.mecconpaas.manager.application.DashboardQueries.NodeOverview;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.DashboardRepository;

class DashboardQueriesTest extends MasterTestSupport {
  private DashboardQueries queries;
  private Caller admin;
  private Caller alice;
  private Caller bob;

  @BeforeEach
  void edgeWithTwoTenants() {
    queries =
        new DashboardQueries(
            new DashboardRepository(master.em),
            master.nodes,
            master.applications,
            master.users,
            new org.mecconpaas.manager.infrastructure.persistence.ClientRepository(master.em));
    admin = master.admin();
    assertTrue(master.inTransaction(() -> queries.firstStart(admin)), "only the admin so far");
    alice = master.developer(admin, "alice");
    bob = master.developer(admin, "bob");
    master.run(
        () -> {
          for (String name : List.of("n1", "n2")) {
            master.nodes.add(
                new Node(
                    name,
                    52.1,
                    4.4,
                    4000,
                    1024,
                    null,
                    "10.0.0.1",
                    "process",
                    master.clock.instant()));
          }
        });
    deploy(alice, "shop", "web", 2); // master + 2 nodes = 3 instances
    deploy(bob, "lab", "probe", 0); // master only
  }

  /** A started generic service with its instances placed on n1 and n2 in turn. */
  private void deploy(Caller owner, String app, String service, int nodes) {
    master.run(() -> master.applicationOperations.create(owner, app, null));
    master.run(
        () ->
            master.serviceOperations.create(
                owner, app, service, "generic", null, Map.of("node", nodes)));
    master.run(
        () -> {
          Service started = master.serviceOperations.start(owner, app, service);
          List<Node> edge = master.nodes.all();
          master.instances.add(
              new Instance(started, "master", 0, edge.get(0), 0, master.clock.instant()));
          for (int slot = 0; slot < nodes; slot++) {
            master.instances.add(
                new Instance(
                    started, "node", slot, edge.get((slot + 1) % 2), 0, master.clock.instant()));
          }
        });
  }

  @Test
  void everyoneSeesTheNodesButCountsOnlyTheirOwnInstancesAsTheirs() {
    List<NodeOverview> edge = master.inTransaction(() -> queries.edge(alice));

    assertEquals(List.of("n1", "n2"), edge.stream().map(o -> o.node().name()).toList());
    assertEquals(4, edge.stream().mapToLong(NodeOverview::containers).sum());
    assertEquals(3, edge.stream().mapToLong(NodeOverview::yours).sum());
    assertEquals(
        1,
        master.inTransaction(() -> queries.edge(bob)).stream()
            .mapToLong(NodeOverview::yours)
            .sum());
  }

  @Test
  void aNodesDetailListsOnlyTheCallersInstancesExceptForOperators() {
    for (String node : List.of("n1", "n2")) {
      NodeDetail forBob = master.inTransaction(() -> queries.node(bob, node));
      forBob
          .instances()
          .forEach(i -> assertEquals("bob", i.service().application().owner().username()));
      NodeDetail forAdmin = master.inTransaction(() -> queries.node(admin, node));
      assertEquals(forAdmin.containers(), forAdmin.instances().size());
    }
    long bobs =
        master.inTransaction(
            () ->
                queries.node(bob, "n1").instances().size()
                    + queries.node(bob, "n2").instances().size());
    assertEquals(1, bobs);
    List<Instance> all =
        master.inTransaction(
            () -> {
              List<Instance> both =
                  new java.util.ArrayList<>(queries.node(alice, "n1").instances());
              both.addAll(queries.node(alice, "n2").instances());
              return both;
            });
    assertEquals(3, all.size());
    assertThrows(ResourceNotFound.class, tx(() -> queries.node(alice, "n9")));
  }

  @Test
  void countersAndServicesAreTheCallersOwn() {
    Counters counters = master.inTransaction(() -> queries.counters(alice));

    assertEquals(1, counters.applications());
    assertEquals(1, counters.services());
    assertEquals(3, counters.instances());
    assertEquals(1, counters.servicesByState().values().stream().mapToLong(Long::longValue).sum());
    assertFalse(counters.servicesByState().containsKey(ServiceState.INIT));

    var services = master.inTransaction(() -> queries.services(bob));
    assertEquals(1, services.size());
    assertEquals("lab", services.get(0).application());
    assertEquals("probe", services.get(0).service());
    assertEquals("generic", services.get(0).type());
  }

  @Test
  void theFirstStartIsOverOnceAnotherAccountExists() {
    assertFalse(master.inTransaction(() -> queries.firstStart(admin)));
    assertFalse(master.inTransaction(() -> queries.firstStart(alice)));
  }
}

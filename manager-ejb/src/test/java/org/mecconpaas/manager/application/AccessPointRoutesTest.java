package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AccessPointRoutes.RouteAddress;
import org.mecconpaas.manager.application.AgentMessages.Route;
import org.mecconpaas.manager.application.AgentMessages.RouteTarget;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.client.RoutePort;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.emulation.AccessPointSettings;
import org.mecconpaas.manager.infrastructure.emulation.EmulatedEdgeSettings;

/** Routes in the heartbeat replies and the addresses users reach a service at. */
class AccessPointRoutesTest extends MasterTestSupport {
  /** About 1 km north of n1. */
  private static final double KM = 1000 / 111_195.0;

  private TestingEdge edge;
  private String n1;
  private String n2;
  private String n3;
  private Service web;

  /**
   * n1 with web's master, n2 (150 m away) and n3 (1 km away) with a node each; all running, and the
   * route port assigned.
   */
  @BeforeEach
  void edge() {
    edge = new TestingEdge(master);
    n1 = edge.enrollAt("n1", 52.16, 4.49, "10.77.0.11");
    n2 = edge.enrollAt("n2", 52.16 + 150 / 111_195.0, 4.49, "10.77.0.12");
    n3 = edge.enrollAt("n3", 52.16 + KM, 4.49, "10.77.0.13");
    web = edge.genericService("web", 2);
    edge.start("web");
    place(web, "master", 0, "n1");
    place(web, "node", 0, "n2");
    place(web, "node", 1, "n3");
    runAll();
    edge.accessPointPass();
  }

  private void place(Service service, String role, int slot, String node) {
    long nodeId = edge.node(node).id();
    master.run(
        () ->
            edge.driver.provision(
                new ProvisionRequest(
                    master.em.find(Service.class, service.id()), role, slot, nodeId)));
  }

  /** Every node reports all its instances RUNNING. */
  private void runAll() {
    for (String credential : List.of(n1, n2, n3)) {
      edge.heartbeat(
          credential, TestingEdge.reportAll(edge.heartbeat(credential), InstanceState.RUNNING));
    }
  }

  private List<Route> routesOf(String credential) {
    return edge.heartbeatWithStations(
            credential,
            List.of(),
            TestingEdge.reportAll(edge.heartbeat(credential), InstanceState.RUNNING))
        .accessPoint()
        .routes();
  }

  private static String name(Service s, String role, int slot) {
    return Instance.nameOf(s.id(), role, slot);
  }

  private int port(Service s) {
    return master.inTransaction(edge.routes::ports).get(s.id());
  }

  @Test
  void eachAccessPointRoutesToTheNearestInstancesFirstWithEmulatedLatency() {
    int port = port(web);
    assertEquals(RoutePort.allocate(web.id(), java.util.Set.of()), port);
    int masterPort = edge.instance(name(web, "master", 0)).orElseThrow().port();
    int node1Port = edge.instance(name(web, "node", 1)).orElseThrow().port();

    Route fromN1 = routesOf(n1).get(0);
    assertEquals("shop/web", fromN1.service());
    assertEquals(port, fromN1.port());
    assertEquals(
        List.of(
            new RouteTarget(name(web, "master", 0), "10.77.0.11", masterPort, "n1", 0),
            new RouteTarget(
                name(web, "node", 0),
                "10.77.0.12",
                edge.instance(name(web, "node", 0)).orElseThrow().port(),
                "n2",
                3),
            new RouteTarget(name(web, "node", 1), "10.77.0.13", node1Port, "n3", 7)),
        fromN1.targets());

    List<String> fromN3 = routesOf(n3).get(0).targets().stream().map(RouteTarget::node).toList();
    assertEquals(List.of("n3", "n2", "n1"), fromN3);
  }

  @Test
  void onlyRunningInstancesOnNodesThatAreUpServe() {
    edge.heartbeat(n3, TestingEdge.report(name(web, "node", 1), InstanceState.FAILED));
    assertEquals(List.of("n1", "n2"), nodesServing(routesOf(n1).get(0)));

    master.clock.advance(Duration.ofSeconds(30));
    master.run(() -> master.nodes.byName("n2").orElseThrow().markDown());
    edge.heartbeat(n1, TestingEdge.reportAll(edge.heartbeat(n1), InstanceState.RUNNING));
    assertEquals(List.of("n1"), nodesServing(routesOf(n1).get(0)));
  }

  @Test
  void anInstanceReplacedByAMigrationIsTheLastResortWhileItDrains() {
    String replaced = name(web, "node", 0);
    master.run(
        () ->
            master
                .em
                .createQuery("SELECT i FROM Instance i WHERE i.name = :name", Instance.class)
                .setParameter("name", replaced)
                .getSingleResult()
                .drain(master.clock.instant()));

    assertEquals(List.of("n1", "n3", "n2"), nodesServing(routesOf(n1).get(0)));
  }

  private static List<String> nodesServing(Route route) {
    return route.targets().stream().map(RouteTarget::node).toList();
  }

  @Test
  void aServiceKeepsItsPortWhileItStopsAndStartsAndPortsNeverCollide() {
    int port = port(web);
    Service api = edge.genericService("api", 0);
    edge.accessPointPass();
    assertNotEquals(port, port(api));
    assertTrue(port(api) >= RoutePort.FIRST && port(api) <= RoutePort.LAST);

    edge.stop("web");
    assertEquals(List.of(), routesOf(n1), "a stopped service has no route");
    assertEquals(List.of(), routesOf(n1));
    master.run(() -> edge.reconciler.reconcile(web.id()));
    edge.accessPointPass();
    assertEquals(port, port(web));
  }

  @Test
  void usersReachAServiceAtEveryAccessPointOnItsPort() {
    int port = port(web);
    Caller alice = edge.alice();

    List<RouteAddress> addresses =
        master.inTransaction(() -> edge.accessPointRoutes.ofService(alice, "shop", "web"));

    assertEquals(
        List.of(
            new RouteAddress("n1", "10.77.0.11", port),
            new RouteAddress("n2", "10.77.0.12", port),
            new RouteAddress("n3", "10.77.0.13", port)),
        addresses);
    Caller bob = master.developer(edge.admin(), "bob");
    assertThrows(
        ResourceNotFound.class,
        () -> master.run(() -> edge.accessPointRoutes.ofService(bob, "shop", "web")));
  }

  @Test
  void realBoardsGetRoutesWithoutEmulatedLatency() {
    AccessPointSettings real =
        new AccessPointSettings(
            new EmulatedEdgeSettings(0, Optional.empty(), "process", 8080), 150, 2, 5, 200);
    AccessPointRoutes routes =
        new AccessPointRoutes(edge.routes, master.nodes, master.serviceOperations, real);

    List<Route> planned =
        master.inTransaction(() -> routes.forNode(master.nodes.byName("n1").orElseThrow()));

    assertEquals(
        List.of(0, 0, 0),
        planned.get(0).targets().stream().map(RouteTarget::latencyMillis).toList());
  }

  @Test
  void theReportOfAnInstanceIsNotNeededForAnotherNodesRoute() {
    InstanceReport failed = TestingEdge.report(name(web, "master", 0), InstanceState.STARTING);
    edge.heartbeat(n1, failed);
    assertEquals(List.of("n2", "n3"), nodesServing(routesOf(n2).get(0)));
  }
}

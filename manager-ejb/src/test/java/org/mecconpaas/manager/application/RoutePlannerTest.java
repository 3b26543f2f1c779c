package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.application.AgentMessages.Route;
import org.mecconpaas.manager.application.AgentMessages.RouteTarget;
import org.mecconpaas.manager.application.RoutePlanner.Candidate;
import org.mecconpaas.manager.application.RoutePlanner.RoutedService;
import org.mecconpaas.manager.domain.model.client.AccessPointSite;
import org.mecconpaas.manager.domain.model.client.LatencyModel;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

class RoutePlannerTest {
  private static final GeoPoint HERE = new GeoPoint(52.16, 4.49);
  private static final GeoPoint KM_NORTH = new GeoPoint(52.16 + 1000 / 111_195.0, 4.49);
  private static final GeoPoint KM_SOUTH = new GeoPoint(52.16 - 1000 / 111_195.0, 4.49);
  private static final GeoPoint NEAR = new GeoPoint(52.16 + 150 / 111_195.0, 4.49);
  private static final AccessPointSite N1 = new AccessPointSite("n1", HERE);

  private static Candidate at(String instance, String node, GeoPoint position) {
    return new Candidate(instance, "10.77.0." + node.substring(1), 20000, node, position, false);
  }

  private static List<String> order(Route route) {
    return route.targets().stream().map(t -> t.node() + "/" + t.instance()).toList();
  }

  @Test
  void targetsAreNearestFirstWithTiesByNodeThenInstance() {
    RoutedService web =
        new RoutedService(
            "lab/web",
            10040,
            List.of(
                at("s40-node-2", "n4", KM_SOUTH),
                at("s40-node-1", "n3", KM_NORTH),
                at("s40-node-0", "n2", NEAR),
                at("s40-node-4", "n1", HERE),
                at("s40-master-0", "n1", HERE)));

    Route route = RoutePlanner.plan(N1, List.of(web), new LatencyModel(2, 5)).get(0);

    assertEquals("lab/web", route.service());
    assertEquals(10040, route.port());
    assertEquals(
        List.of(
            "n1/s40-master-0", "n1/s40-node-4", "n2/s40-node-0", "n3/s40-node-1", "n4/s40-node-2"),
        order(route));
    assertEquals(
        List.of(0, 0, 3, 7, 7), route.targets().stream().map(RouteTarget::latencyMillis).toList());
    assertEquals(
        new RouteTarget("s40-node-0", "10.77.0.2", 20000, "n2", 3), route.targets().get(2));
  }

  @Test
  void instancesOnDrainingNodesComeLast() {
    Candidate draining = new Candidate("s1-proxy-0", "10.77.0.1", 20000, "n1", HERE, true);
    Route route =
        RoutePlanner.plan(
                N1,
                List.of(
                    new RoutedService("a/b", 10001, List.of(draining, at("x", "n3", KM_NORTH)))),
                new LatencyModel(2, 5))
            .get(0);
    assertEquals(List.of("n3/x", "n1/s1-proxy-0"), order(route));
  }

  @Test
  void realBoardsAddNoLatencyAndAServiceWithoutInstancesKeepsItsRoute() {
    Route route =
        RoutePlanner.plan(
                N1,
                List.of(new RoutedService("a/b", 10001, List.of(at("x", "n3", KM_NORTH)))),
                LatencyModel.NONE)
            .get(0);
    assertEquals(0, route.targets().get(0).latencyMillis());

    assertEquals(
        List.of(new Route("a/c", 10002, List.of())),
        RoutePlanner.plan(
            N1, List.of(new RoutedService("a/c", 10002, List.of())), LatencyModel.NONE));
  }

  @Test
  void usersReachEveryGenericInstanceAndTheWebServicesProxiesOnly() {
    assertTrue(RoutePlanner.servesUsers("generic", "master"));
    assertTrue(RoutePlanner.servesUsers("generic", "node"));
    assertTrue(RoutePlanner.servesUsers("php", "proxy"));
    assertTrue(RoutePlanner.servesUsers("java", "proxy"));
    assertFalse(RoutePlanner.servesUsers("php", "backend"));
    assertFalse(RoutePlanner.servesUsers("java", "web"));
    for (String type : List.of("flink", "mysql", "storage", "taskfarm", "mapreduce")) {
      assertFalse(RoutePlanner.ROUTED_TYPES.contains(type), type);
      assertFalse(RoutePlanner.servesUsers(type, "jobmanager"), type);
    }
  }
}

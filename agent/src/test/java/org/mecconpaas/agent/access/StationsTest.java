package org.mecconpaas.agent.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.agent.json.JsonMap;

class StationsTest {
  private final AtomicLong now = new AtomicLong(1_795_852_316_000L);
  private final NodeAccessPoint accessPoint =
      new NodeAccessPoint(new EmulatedStations(now::get), new AccessPointRouter("127.0.0.1", 4));

  @AfterEach
  void close() {
    accessPoint.close();
  }

  private static JsonMap plan(String... stations) {
    return new JsonMap(Map.of("stations", List.of(stations), "routes", List.of()));
  }

  @Test
  void emulatedStationsJoinStayAndLeave() {
    long joined = now.get();
    accessPoint.apply(plan("c07"));
    assertEquals(List.of(Map.of("id", "c07", "since", joined)), accessPoint.clients());

    now.addAndGet(2000);
    accessPoint.apply(plan("c07", "c11"));
    assertEquals(
        List.of(Map.of("id", "c07", "since", joined), Map.of("id", "c11", "since", now.get())),
        accessPoint.clients(),
        "c07 keeps its since while it stays");

    now.addAndGet(2000);
    accessPoint.apply(plan("c11"));
    assertEquals(List.of("c11"), ids(), "c07 left at once");

    now.addAndGet(2000);
    accessPoint.apply(plan("c11", "c07"));
    assertEquals(now.get(), accessPoint.clients().get(1).get("since"), "back: a new association");
  }

  @Test
  void aReplyWithoutAnAccessPointPlanHasNoStations() {
    accessPoint.apply(plan("c07"));
    accessPoint.apply(new JsonMap(Map.of()));
    assertTrue(accessPoint.clients().isEmpty());
  }

  @Test
  void aMalformedPlanChangesNothingAndDoesNotThrow() {
    accessPoint.apply(plan("c07"));
    accessPoint.apply(new JsonMap(Map.of("stations", "c07")));
    accessPoint.apply(new JsonMap(Map.of("stations", List.of(7))));
    assertEquals(List.of("c07"), ids());
  }

  @Test
  void aMalformedRouteIsLeftOutAndTheOthersKept() {
    JsonMap json =
        new JsonMap(
            Map.of(
                "routes",
                List.of(
                    Map.of("service", "lab/bad", "port", 0, "targets", List.of()),
                    Map.of(
                        "service",
                        "lab/web",
                        "port",
                        30012,
                        "targets",
                        List.of(
                            Map.of(
                                "instance", "s12-node-1",
                                "ip", "10.77.0.12",
                                "port", 20010,
                                "node", "n2",
                                "latencyMillis", 6))))));
    AccessPointPlan plan = AccessPointPlan.fromJson(json);
    assertEquals(
        List.of(
            new Route(
                "lab/web",
                30012,
                List.of(new RouteTarget("s12-node-1", "10.77.0.12", 20010, "n2", 6)))),
        plan.routes());
    assertEquals(List.of(), plan.stations());
  }

  private List<Object> ids() {
    return accessPoint.clients().stream().map(c -> c.get("id")).toList();
  }
}

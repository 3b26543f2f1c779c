package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.application.InstanceMetricsHistory.Sample;
import org.mecconpaas.portal.interfaces.web.InstanceCharts;
import org.mecconpaas.portal.interfaces.web.InstanceCharts.Reported;

class InstanceChartsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static Sample at(int secondsAgo, Map<String, Double> values) {
    return new Sample(NOW.minusSeconds(secondsAgo), values);
  }

  private static JsonArray datasets(String chart) {
    return ChartConfigTest.parse(chart).getJsonObject("data").getJsonArray("datasets");
  }

  private static List<Double> ys(JsonObject dataset) {
    return dataset.getJsonArray("data").stream()
        .map(p -> p.asJsonObject().getJsonNumber("y").doubleValue())
        .toList();
  }

  @Test
  void oneLinePerInstanceWithItsOwnCpuAndMemory() {
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported(
                    "s1-master-0",
                    "master",
                    List.of(
                        at(4, Map.of("cpuPercent", 12.5, "memoryMiB", 40.0)),
                        at(2, Map.of("memoryMiB", 41.0)),
                        at(0, Map.of("cpuPercent", 150.0, "memoryMiB", 42.0)))),
                new Reported("s1-node-0", "node", List.of(at(0, Map.of("cpuPercent", 3.0))))),
            NOW);

    JsonArray cpu = datasets(view.cpu());
    assertEquals(2, cpu.size());
    assertEquals("s1-master-0 (master)", cpu.getJsonObject(0).getString("label"));
    assertEquals(
        List.of(12.5, 150.0), ys(cpu.getJsonObject(0)), "a sample without CPU is left out");
    assertEquals(
        NOW.minusSeconds(4).toEpochMilli(),
        cpu.getJsonObject(0).getJsonArray("data").getJsonObject(0).getJsonNumber("x").longValue());
    assertEquals("s1-node-0 (node)", cpu.getJsonObject(1).getString("label"));

    JsonArray memory = datasets(view.memory());
    assertEquals(1, memory.size(), "the node instance reported no memory");
    assertEquals(List.of(40.0, 41.0, 42.0), ys(memory.getJsonObject(0)));
    assertNull(view.requests(), "nobody reported requests");
    assertEquals(List.of(), view.silent());
  }

  @Test
  void anInstanceKeepsItsColourInEveryChart() {
    Map<String, Double> figures =
        Map.of("cpuPercent", 1.0, "memoryMiB", 2.0, "requestsPerSecond", 3.0);
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported("a", "proxy", List.of(at(0, figures))),
                new Reported("b", "proxy", List.of(at(0, figures)))),
            NOW);
    for (String chart : List.of(view.cpu(), view.memory(), view.requests())) {
      assertEquals("#ff7f0e", datasets(chart).getJsonObject(1).getString("borderColor"), chart);
    }
  }

  @Test
  void requestsGetAChartWhenAnInstanceReportsThem() {
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported(
                    "s2-proxy-0",
                    "proxy",
                    List.of(
                        at(
                            2,
                            Map.of(
                                "cpuPercent", 1.0,
                                "requestsPerSecond", 20.0,
                                "p95Millis", 35.5,
                                "errorsPerSecond", 0.0)))),
                new Reported("s2-web-0", "web", List.of(at(2, Map.of("cpuPercent", 5.0))))),
            NOW);

    JsonArray requests = datasets(view.requests());
    assertEquals(2, requests.size(), "the proxy's rate and latency, nothing of the web server");
    assertEquals("s2-proxy-0 (proxy) requests/s", requests.getJsonObject(0).getString("label"));
    assertEquals("y", requests.getJsonObject(0).getString("yAxisID"));
    assertEquals(List.of(20.0), ys(requests.getJsonObject(0)));
    assertEquals("s2-proxy-0 (proxy) p95 ms", requests.getJsonObject(1).getString("label"));
    assertEquals("p95", requests.getJsonObject(1).getString("yAxisID"));
    assertEquals(List.of(35.5), ys(requests.getJsonObject(1)));
    assertNotNull(
        ChartConfigTest.parse(view.requests())
            .getJsonObject("options")
            .getJsonObject("scales")
            .getJsonObject("p95"),
        "latency has its own axis");
  }

  @Test
  void instancesThatReportedNothingAreNamedInsteadOfCharted() {
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported("s1-master-0", "master", List.of()),
                new Reported("s1-node-0", "node", List.of())),
            NOW);

    assertNull(view.cpu());
    assertNull(view.memory());
    assertNull(view.requests());
    assertEquals(List.of("s1-master-0 (master)", "s1-node-0 (node)"), view.silent());
  }

  @Test
  void theChartsSpanTheSameTimeSoTheyLineUp() {
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported(
                    "s1-master-0",
                    "master",
                    List.of(
                        at(400, Map.of("memoryMiB", 1.0)),
                        at(6, Map.of("memoryMiB", 1.0)),
                        at(4, Map.of("cpuPercent", 1.0, "memoryMiB", 1.0)))),
                new Reported("s1-node-0", "node", List.of(at(2, Map.of("memoryMiB", 1.0))))),
            NOW);

    for (String chart : List.of(view.cpu(), view.memory())) {
      JsonObject x =
          ChartConfigTest.parse(chart)
              .getJsonObject("options")
              .getJsonObject("scales")
              .getJsonObject("x");
      assertEquals(NOW.minusSeconds(6).toEpochMilli(), x.getJsonNumber("min").longValue());
      assertEquals(NOW.minusSeconds(2).toEpochMilli(), x.getJsonNumber("max").longValue());
    }
  }

  @Test
  void onlyTheLastFiveMinutesAreDrawn() {
    InstanceCharts.View view =
        InstanceCharts.of(
            List.of(
                new Reported(
                    "s1-master-0",
                    "master",
                    List.of(
                        at(301, Map.of("cpuPercent", 99.0)),
                        at(300, Map.of("cpuPercent", 1.0)),
                        at(0, Map.of("cpuPercent", 2.0))))),
            NOW);

    assertEquals(List.of(1.0, 2.0), ys(datasets(view.cpu()).getJsonObject(0)));
  }
}

package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.experiment.Scenario.RandomWaypoint;
import org.mecconpaas.cli.experiment.Scenario.Trace;

class ScenarioReaderTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "experiments");

  @TempDir Path dir;

  @Test
  void theExampleScenariosAreValid() {
    Scenario walk = ScenarioReader.read(EXAMPLES.resolve("walk.yaml"));
    assertEquals("walk", walk.name());
    assertEquals(Duration.ofSeconds(140), walk.duration());
    assertEquals(6, walk.expectedNodes().count());
    Trace trace = assertInstanceOf(Trace.class, walk.movement());
    assertEquals(List.of("walker"), trace.clients());
    assertEquals(140, trace.lastSecond());
    assertEquals("near-users", walk.services().get(0).placement().policy());
    assertEquals(100.0, walk.services().get(0).placement().maxUserDistanceMeters());
    assertTrue(Files.isDirectory(walk.services().get(0).bundle()));
    assertTrue(walk.services().get(0).run(), "generic services run run.sh by default");

    Scenario campus = ScenarioReader.read(EXAMPLES.resolve("campus.yaml"));
    assertEquals(Duration.ofMinutes(5), campus.duration());
    RandomWaypoint walkers = assertInstanceOf(RandomWaypoint.class, campus.movement());
    assertEquals(20, walkers.count());
    assertEquals(7, walkers.seed());
    assertEquals(
        List.of("near-users", "near-users", "pack"),
        campus.services().stream().map(s -> s.placement().policy()).toList());
    assertEquals(List.of("c16"), campus.services().get(1).placement().users());
    assertEquals(Duration.ofSeconds(30), campus.load().warmup());
    assertEquals(Duration.ZERO, walk.load().warmup(), "none unless asked for");
    assertEquals(null, campus.services().get(0).placement().users(), "every client");
  }

  @Test
  void jsonSaysTheSameAsYaml() throws IOException {
    Files.createDirectories(dir.resolve("echo"));
    String yaml =
        """
        application: lab
        duration: 2m
        services:
          - name: echo
            bundle: echo
            roles: {master: 1, node: 1}
            placement: {policy: near, near: {latitude: 52.16, longitude: 4.49, radiusMeters: 200}}
        clients:
          randomWaypoint: {count: 3, seed: 11, speedMps: [1, 2]}
        load: {requestsPerSecond: 1.5, path: /hello}
        """;
    String json =
        """
        {"application": "lab", "duration": "2m",
         "services": [{"name": "echo", "bundle": "echo", "roles": {"master": 1, "node": 1},
           "placement": {"policy": "near",
             "near": {"latitude": 52.16, "longitude": 4.49, "radiusMeters": 200}}}],
         "clients": {"randomWaypoint": {"count": 3, "seed": 11, "speedMps": [1, 2]}},
         "load": {"requestsPerSecond": 1.5, "path": "/hello"}}
        """;
    Scenario fromYaml = ScenarioReader.parse(yaml, "a.yaml", dir, "a");
    Scenario fromJson = ScenarioReader.parse(json, "a.json", dir, "a");
    assertEquals(fromYaml, fromJson);
    assertEquals(Map.of("master", 1, "node", 1), fromYaml.services().get(0).roles());
    assertEquals(Duration.ofSeconds(2), fromYaml.load().timeout(), "default timeout");
  }

  @Test
  void everyProblemIsReportedWithItsPath() throws IOException {
    Files.writeString(
        dir.resolve("trace.csv"),
        "time,client,lat,lon\n0,walker,52.16,4.49\n10,runner,52.16,4.49\n"
            + "5,walker,52.16,4.49\n5,walker,52.16,4.49\n7,walker,95,4.49\n9,walker,x,4.49\n"
            + "12,walker,52.16\n");
    String yaml =
        """
        application: Bad_App
        duration: -5s
        colour: red
        services:
          - name: echo
            bundle: nowhere
            roles: {master: many}
            placement: {policy: nearby, maxUserDistanceMeters: -3, users: [c01]}
          - name: echo
        clients:
          trace: trace.csv
          ids: [walker]
        load:
          requestsPerSecond: -2
          path: x
          warmup: soon
        """;
    ScenarioException e =
        assertThrows(
            ScenarioException.class, () -> ScenarioReader.parse(yaml, "bad.yaml", dir, "bad"));
    List<String> expected =
        List.of(
            "colour: unknown field",
            "application: 'Bad_App' is no name",
            "duration: expected a duration above zero",
            "services[0].bundle: no such file or directory",
            "services[0].roles.master: expected a whole number",
            "services[0].placement.policy: unknown policy 'nearby'",
            "services[0].placement.maxUserDistanceMeters: must be more than zero, got -3",
            "services[0].placement.users: users only apply to the near-users policy",
            "services[1].name: 'echo' is used twice",
            "line 3: unknown client 'runner'",
            "line 5: time 5 of walker is not after its previous 5.0",
            "line 6: latitude 95 is outside -90..90",
            "line 7: lat 'x' is not a number",
            "line 8: expected time,client,lat,lon, got 3 fields",
            "load.requestsPerSecond: must be more than zero, got -2",
            "load.path: expected a path starting with /",
            "load.warmup: expected a duration such as 30s or 0, got 'soon'");
    for (String problem : expected) {
      assertTrue(
          e.problems().stream().anyMatch(p -> p.contains(problem)),
          () -> "missing '" + problem + "' in\n" + e.getMessage());
    }
    assertEquals(expected.size(), e.problems().size(), e.getMessage());
  }

  @Test
  void aRandomWalkNeedsItsSeedAndSaneRanges() {
    String yaml =
        """
        application: lab
        duration: 60
        services: [{name: echo}]
        clients:
          randomWaypoint: {count: 0, speedMps: [3, 1], pauseSeconds: [-1, 5]}
        load: {requestsPerSecond: 500}
        """;
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(yaml, "w.yaml", dir, "w"));
    String message = e.getMessage();
    assertTrue(
        message.contains("clients.randomWaypoint.count: expected 1..1000 clients, got 0"), message);
    assertTrue(message.contains("clients.randomWaypoint.seed: required"), message);
    assertTrue(message.contains("clients.randomWaypoint.speedMps: low 3 is above high 1"), message);
    assertTrue(
        message.contains("clients.randomWaypoint.pauseSeconds[0]: must be zero or more"), message);
    assertTrue(message.contains("load.requestsPerSecond: at most 50 per client"), message);
  }

  @Test
  void exactlyOneMovementAndTheRequiredPartsAreAskedFor() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class, () -> ScenarioReader.parse("name: x\n", "x.yaml", dir, "x"));
    String message = e.getMessage();
    for (String required :
        List.of(
            "application: required",
            "duration: required",
            "services: required",
            "clients: required",
            "load: required")) {
      assertTrue(message.contains(required), message);
    }
    String both =
        """
        application: lab
        duration: 60
        services: [{name: echo}]
        clients: {randomWaypoint: {count: 1, seed: 1}, trace: t.csv}
        load: {requestsPerSecond: 1}
        """;
    assertTrue(
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(both, "b.yaml", dir, "b"))
            .getMessage()
            .contains("give exactly one of randomWaypoint and trace"));
  }

  @Test
  void durationsTakeUnits() {
    assertEquals(Duration.ofSeconds(90), ScenarioReader.parseDuration("90"));
    assertEquals(Duration.ofSeconds(90), ScenarioReader.parseDuration("90s"));
    assertEquals(Duration.ofMinutes(5), ScenarioReader.parseDuration("5m"));
    assertEquals(Duration.ofMillis(1500), ScenarioReader.parseDuration("1.5s"));
    assertEquals(null, ScenarioReader.parseDuration("soon"));
  }
}

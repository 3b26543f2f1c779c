package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.Environment;
import org.mecconpaas.cli.Mec;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import picocli.CommandLine;

/**
 * {@code mec experiment} against a stand-in master (and a stand-in echo behind its routes): bad
 * scenarios and edges that cannot run one are refused before anything is deployed, and a scenario
 * run twice sends the master the same requests in the same order, so that the master's placement
 * decisions, which follow from its seed, are the same.
 */
class ExperimentCommandTest {
  private static final String MOBILITY = "/api/v1/emulation/mobility";

  @TempDir Path dir;
  private HttpServer master;
  private HttpServer echo;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private volatile boolean mobilityRunning;
  private final java.util.concurrent.atomic.AtomicInteger placementClashes =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    echo = server(exchange -> reply(exchange, 200, "instance s1-master-1 node 127.0.0.1\n"));
    master = server(this::answer);
    String echoPort = Integer.toString(echo.getAddress().getPort());
    answers.put(
        "GET /api/v1/nodes",
        "[{\"name\":\"n1\",\"state\":\"UP\"},{\"name\":\"n2\",\"state\":\"UP\"}]");
    answers.put("GET /api/v1/applications/lab/services", "[]");
    answers.put("POST /api/v1/applications", "{\"name\":\"lab\"}");
    answers.put("POST /api/v1/applications/lab/services", "{\"name\":\"echo\"}");
    answers.put("PUT /api/v1/applications/lab/services/echo/placement", "{}");
    answers.put("POST /api/v1/applications/lab/services/echo/code", "{\"version\":1}");
    answers.put("POST /api/v1/applications/lab/services/echo/start", "{\"state\":\"PROLOGUE\"}");
    answers.put(
        "GET /api/v1/applications/lab/services/echo", "{\"name\":\"echo\",\"state\":\"RUNNING\"}");
    answers.put("POST /api/v1/applications/lab/services/echo/scripts/run", "{}");
    answers.put(
        "GET /api/v1/applications/lab/services/echo/routes",
        "[{\"node\":\"n1\",\"address\":\"127.0.0.1\",\"port\":" + echoPort + "}]");
    answers.put(
        "GET /api/v1/applications/lab/services/echo/instances",
        "[{\"name\":\"s1-master-1\",\"node\":\"n1\"}]");
    answers.put("GET /api/v1/applications/lab/services/echo/migrations", "[]");
    Files.createDirectories(dir.resolve("echo"));
    Files.writeString(dir.resolve("echo/run.sh"), "#!/bin/sh\n");
    new ConfigStore(dir.resolve("config"))
        .save(
            new CliConfig(
                "http://127.0.0.1:" + master.getAddress().getPort(), "admin", "token", "t1"));
  }

  @AfterEach
  void stop() {
    master.stop(0);
    echo.stop(0);
  }

  @Test
  void aBadScenarioIsRefusedBeforeTheMasterIsAsked() throws IOException {
    Path scenario = dir.resolve("bad.yaml");
    Files.writeString(
        scenario, scenario("requestsPerSecond: -1").replace("bundle: echo", "bundle: gone"));
    String[] result = run("experiment", "run", scenario.toString());
    assertEquals("1", result[0]);
    assertTrue(result[2].contains("load.requestsPerSecond: must be more than zero"), result[2]);
    assertTrue(result[2].contains("services[0].bundle: no such file or directory"), result[2]);
    assertEquals(List.of(), requests, "nothing was sent");
  }

  @Test
  void anEdgeWithoutMobilityEmulationIsRefusedBeforeDeploying() throws IOException {
    answers.put("GET " + MOBILITY, "{\"available\":false,\"state\":\"STOPPED\",\"clients\":[]}");
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, scenario("requestsPerSecond: 5"));
    String[] result =
        run("experiment", "run", scenario.toString(), "--out", dir.resolve("out").toString());
    assertEquals("1", result[0]);
    assertTrue(result[2].contains("runs no emulated edge"), result[2]);
    assertEquals(List.of("GET " + MOBILITY), requests);
  }

  @Test
  void aRunRecordsItsRequestsAndTheSameScenarioSendsTheSameCallsTwice() throws IOException {
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, scenario("requestsPerSecond: 10"));
    String[] first =
        run("experiment", "run", scenario.toString(), "--out", dir.resolve("one").toString());
    assertEquals("0", first[0], first[2]);
    List<String> firstCalls = deployAndMobilityCalls();
    requests.clear();
    String[] second =
        run("experiment", "run", scenario.toString(), "--out", dir.resolve("two").toString());
    assertEquals("0", second[0], second[2]);
    assertEquals(firstCalls, deployAndMobilityCalls());
    assertTrue(
        firstCalls.contains(
            "POST "
                + MOBILITY
                + " {\"clients\":2,\"model\":\"random-waypoint\",\"seed\":42,\"speedMps\":[1.0,2.0]}"),
        firstCalls.toString());
    assertTrue(
        firstCalls.contains(
            "PUT /api/v1/applications/lab/services/echo/placement {\"policy\":\"near-users\",\"maxUserDistanceMeters\":100.0}"),
        firstCalls.toString());

    List<String> lines = Files.readAllLines(dir.resolve("one/requests.csv"));
    assertEquals(RequestRecord.CSV_HEADER, lines.get(0));
    assertTrue(lines.size() > 10, "two clients at 10/s for 1.5 s: " + lines.size());
    assertTrue(lines.get(1).contains(",n1,127.0.0.1:"), lines.get(1));
    assertTrue(lines.get(1).contains(",s1-master-1,n1,"), lines.get(1));
    for (String file :
        List.of(
            "migrations.csv", "associations.csv", "summary.txt", "summary.json", "latency.html")) {
      assertTrue(Files.exists(dir.resolve("one").resolve(file)), file);
    }
    assertTrue(first[1].contains("echo: "), first[1]);
    assertTrue(first[1].contains(" 0 failed"), first[1]);
  }

  @Test
  void aPlacementThatClashesWithTheReconcileLoopIsPutAgain() throws IOException {
    placementClashes.set(2);
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, scenario("requestsPerSecond: 2"));
    String[] result =
        run("experiment", "run", scenario.toString(), "--out", dir.resolve("o").toString());
    assertEquals("0", result[0], result[2]);
    assertEquals(
        3, requests.stream().filter(r -> r.startsWith("PUT ")).count(), requests.toString());
    assertTrue(result[2].contains("(placement of echo: internal error; trying again)"), result[2]);
  }

  /** What the run asked to be done, without the polls whose count depends on timing. */
  private List<String> deployAndMobilityCalls() {
    return requests.stream().filter(r -> !r.startsWith("GET ") && !r.contains("/code ")).toList();
  }

  private static String scenario(String rate) {
    return """
        name: two
        application: lab
        duration: 1.5s
        nodes: 2
        services:
          - name: echo
            bundle: echo
            placement: {policy: near-users, maxUserDistanceMeters: 100}
        clients:
          randomWaypoint: {count: 2, seed: 42, speedMps: [1, 2]}
        load:
          %s
        """
        .formatted(rate);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
    requests.add(key + (body.isEmpty() || key.endsWith("/code") ? "" : " " + body));
    if (key.equals("GET " + MOBILITY) && !answers.containsKey(key)) {
      reply(
          exchange,
          200,
          mobilityRunning
              ? "{\"available\":true,\"state\":\"RUNNING\",\"clients\":[{\"id\":\"c01\",\"node\":\"n1\"},{\"id\":\"c02\",\"node\":\"n1\"}]}"
              : "{\"available\":true,\"state\":\"STOPPED\",\"clients\":[]}");
    } else if (key.equals("POST " + MOBILITY)) {
      mobilityRunning = true;
      reply(
          exchange, 201, "{\"state\":\"RUNNING\",\"clients\":[{\"id\":\"c02\"},{\"id\":\"c01\"}]}");
    } else if (key.equals("DELETE " + MOBILITY)) {
      mobilityRunning = false;
      reply(exchange, 204, "");
    } else if (key.endsWith("/placement") && placementClashes.getAndDecrement() > 0) {
      reply(exchange, 500, "{\"status\":500,\"detail\":\"internal error\"}");
    } else if (answers.containsKey(key)) {
      reply(
          exchange,
          key.startsWith("POST /api/v1/applications")
                  && !key.endsWith("/start")
                  && !key.endsWith("/run")
              ? 201
              : 200,
          answers.get(key));
    } else {
      reply(exchange, 404, "{\"status\":404,\"detail\":\"no route " + key + "\"}");
    }
  }

  private String[] run(String... args) {
    Environment environment =
        Environment.fromVariables(
                Map.of(Environment.CONFIG_DIR_VARIABLE, dir.resolve("config").toString()))
            .withWorkingDirectory(dir)
            .withStderrTerminal(false)
            .withClock(
                new Environment.Clock() {
                  @Override
                  public Instant now() {
                    return Instant.now();
                  }

                  @Override
                  public void sleep(Duration duration) {}
                });
    CommandLine commandLine = Mec.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static HttpServer server(Handler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}

package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class InstanceCommandTest {

  private static final String INSTANCES = "/api/v1/applications/shop/services/job/instances";

  private static final String NODE_0 =
      "{\"name\":\"s12-node-0\",\"role\":\"node\",\"slot\":0,\"node\":\"n2\","
          + "\"address\":\"10.77.0.12\",\"port\":20001,\"state\":\"RUNNING\",\"removing\":false,"
          + "\"message\":null,\"codeVersion\":2,"
          + "\"scripts\":{\"init\":{\"state\":\"EXITED\",\"exitCode\":0,\"seq\":2},"
          + "\"run\":{\"state\":\"RUNNING\",\"exitCode\":null,\"seq\":1},"
          + "\"notify\":{\"state\":\"EXITED\",\"exitCode\":3,\"seq\":5},"
          + "\"interrupt\":{\"state\":\"NEVER\",\"exitCode\":null,\"seq\":0},"
          + "\"cleanup\":{\"state\":\"NEVER\",\"exitCode\":null,\"seq\":0}},"
          + "\"reportedAt\":\"2025-03-01T10:00:00Z\","
          + "\"metrics\":{\"memoryMiB\":245.7,\"cpuPercent\":12.345}}";

  // As the master sends a fresh instance: null fields left out, no report yet.
  private static final String NODE_1 =
      "{\"name\":\"s12-node-1\",\"role\":\"node\",\"slot\":1,\"node\":\"n3\","
          + "\"address\":\"10.77.0.13\",\"port\":20002,\"state\":\"FAILED\",\"removing\":true,"
          + "\"message\":\"init.sh exited with 1\",\"metrics\":{}}";

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster();
    mec = new MecRunner(temp).loggedInTo(master);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void instancesTableShowsWhereEachRunsAndItsScriptsInShort() {
    master.on("GET", INSTANCES, r -> Reply.json(200, "[" + NODE_0 + "," + NODE_1 + "]"));

    var result = mec.run("service", "instances", "shop", "job");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        List.of(
            "INSTANCE    ROLE  NODE  ADDRESS           STATE              CPU(%)  MEMORY(MiB)"
                + "  SCRIPTS                      MESSAGE",
            "s12-node-0  node  n2    10.77.0.12:20001  RUNNING            12.3    246"
                + "          init:0 run:running notify:3  -",
            "s12-node-1  node  n3    10.77.0.13:20002  FAILED (removing)  -       -"
                + "            -                            init.sh exited with 1"),
        result.out().lines().toList());
  }

  @Test
  void instanceShowsItsFieldsAndATableOfScripts() {
    master.on("GET", INSTANCES + "/s12-node-0", r -> Reply.json(200, NODE_0));

    var result = mec.run("service", "instance", "shop", "job", "s12-node-0");

    assertEquals(0, result.exitCode(), result.err());
    String out = result.out();
    assertTrue(out.startsWith("name:         s12-node-0\n"), out);
    assertTrue(out.contains("address:      10.77.0.12\n"), out);
    assertTrue(out.contains("message:      -\n"), out);
    assertTrue(
        out.endsWith(
            "\nSCRIPT     STATE    EXIT  RUNS\n"
                + "init       EXITED   0     2\n"
                + "run        RUNNING  -     1\n"
                + "notify     EXITED   3     5\n"
                + "interrupt  NEVER    -     0\n"
                + "cleanup    NEVER    -     0\n"),
        out);
  }

  @Test
  void metricsPrintsTheSamplesWithOneColumnPerFigure() {
    String samples =
        "[{\"time\":\"2025-03-01T10:00:00.482913Z\","
            + "\"values\":{\"requestsPerSecond\":0.5333,\"memoryMiB\":40.0,\"cpuPercent\":3.25}},"
            + "{\"time\":\"2025-03-01T10:00:02Z\",\"values\":{\"p95Millis\":12.0,"
            + "\"cpuPercent\":150.4,\"memoryMiB\":41.5,\"requestsPerSecond\":12.25}}]";
    master.on("GET", INSTANCES + "/s12-node-0/metrics", r -> Reply.json(200, samples));

    var result = mec.run("service", "metrics", "shop", "job", "s12-node-0");
    var json = mec.run("service", "metrics", "shop", "job", "s12-node-0", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "TIME                  cpuPercent  memoryMiB  p95Millis  requestsPerSecond\n"
            + "2025-03-01T10:00:00Z  3.3         40         -          0.53\n"
            + "2025-03-01T10:00:02Z  150         41.5       12         12.3\n",
        result.out());
    assertEquals(samples + "\n", json.out());
    assertEquals("GET", master.requests().get(0).method());
  }

  @Test
  void metricsOfAnInstanceThatReportedNothingIsJustTheHeader() {
    master.on("GET", INSTANCES + "/s12-node-1/metrics", r -> Reply.json(200, "[]"));

    var result = mec.run("service", "metrics", "shop", "job", "s12-node-1");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("TIME\n", result.out());
  }

  @Test
  void metricsOfAnUnknownInstanceIsAnError() {
    master.on(
        "GET", INSTANCES + "/nope/metrics", r -> Reply.problem(404, "instance nope not found"));

    var result = mec.run("service", "metrics", "shop", "job", "nope");

    assertEquals(1, result.exitCode());
    assertEquals("error: instance nope not found\n", result.err());
  }

  @Test
  void logsTailPassesTheLineCountAndPrintsTheText() {
    master.on(
        "GET",
        INSTANCES + "/s12-node-0/logs/stdout",
        r -> new Reply(200, "text/plain", Map.of(), "step 9\nstep 10".getBytes()));

    var result = mec.run("service", "logs", "shop", "job", "s12-node-0", "--tail", "2");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("tail=2", request.query());
    assertTrue(request.header("Accept").contains("text/plain"), request.header("Accept"));
    assertEquals("step 9\nstep 10\n", result.out());
  }

  @Test
  void logsWithoutTailLeavesTheCountToTheMasterAndStderrHasItsOwnPath() {
    master.on(
        "GET",
        INSTANCES + "/s12-node-0/logs/stderr",
        r ->
            new Reply(
                200,
                "text/plain; charset=UTF-8",
                Map.of(),
                "boom \u2014 ✗\n".getBytes(StandardCharsets.UTF_8)));

    var result = mec.run("service", "logs", "shop", "job", "s12-node-0", "--stderr");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(null, master.onlyRequest().query());
    assertEquals("boom \u2014 ✗\n", result.out());
  }

  @Test
  void logsOfAnUnknownInstanceIsAnError() {
    master.on(
        "GET", INSTANCES + "/nope/logs/stdout", r -> Reply.problem(404, "instance nope not found"));

    var result = mec.run("service", "logs", "shop", "job", "nope");

    assertEquals(1, result.exitCode());
    assertEquals("error: instance nope not found\n", result.err());
  }

  @Test
  void followPrintsOnlyTheLinesItHasNotPrintedYet() {
    List<String> tails =
        List.of(
            "a\nb\n",
            // c is new; d is still being written and waits until it is complete.
            "a\nb\nc\nd",
            // The window of 4 lines moved on: a fell out, d was finished, e came.
            "b\nc\nd\ne\n",
            // Nothing new.
            "b\nc\nd\ne\n");
    AtomicInteger fetches = new AtomicInteger();
    master.on(
        "GET",
        INSTANCES + "/s12-node-0/logs/stdout",
        r ->
            new Reply(
                200,
                "text/plain",
                Map.of(),
                tails.get(Math.min(fetches.getAndIncrement(), tails.size() - 1)).getBytes()));
    mec.clock().interruptAfter(3);

    var result = mec.run("service", "logs", "shop", "job", "s12-node-0", "-n", "4", "--follow");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("a\nb\nc\nd\ne\n", result.out());
    assertEquals(4, master.requests().size());
    master.requests().forEach(request -> assertEquals("tail=4", request.query()));
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)),
        mec.clock().sleeps());
  }

  @Test
  void downloadSavesTheWholeLogUnderTheMastersName() throws Exception {
    master.on(
        "GET",
        INSTANCES + "/s12-node-0/logs/stdout",
        r ->
            new Reply(
                200,
                "text/plain",
                Map.of("Content-Disposition", "attachment; filename=\"s12-node-0-stdout.log\""),
                "all\nof\nit\n".getBytes()));

    var result = mec.run("service", "logs", "shop", "job", "s12-node-0", "--download");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("download=true", master.onlyRequest().query());
    assertEquals("all\nof\nit\n", Files.readString(temp.resolve("s12-node-0-stdout.log")));
    assertTrue(result.out().startsWith("Saved "), result.out());
  }

  @Test
  void downloadOfAnEmptyLogFallsBackToInstanceAndStreamAsFileName() throws Exception {
    master.on(
        "GET",
        INSTANCES + "/s12-node-0/logs/stderr",
        r -> new Reply(200, "text/plain", Map.of(), new byte[0]));
    Files.createDirectory(temp.resolve("logs"));

    var result =
        mec.run(
            "service", "logs", "shop", "job", "s12-node-0", "--stderr", "--download", "-o", "logs");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", Files.readString(temp.resolve("logs/s12-node-0-stderr.log")));
  }

  @Test
  void downloadDoesNotMixWithTailOrFollowNorOutputWithoutDownload() {
    var withTail =
        mec.run("service", "logs", "shop", "job", "s12-node-0", "--download", "--tail", "5");
    var withoutDownload = mec.run("service", "logs", "shop", "job", "s12-node-0", "-o", "x.log");

    assertEquals(CommandLine.ExitCode.USAGE, withTail.exitCode());
    assertTrue(withTail.err().startsWith("--download saves the whole log"), withTail.err());
    assertEquals(CommandLine.ExitCode.USAGE, withoutDownload.exitCode());
    assertTrue(master.requests().isEmpty());
  }
}

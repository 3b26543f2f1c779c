package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class ServiceWaitTest {

  private static final String SERVICE_PATH = "/api/v1/applications/shop/services/web";

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

  private static String service(String state, String phaseMessage) {
    return "{\"name\":\"web\",\"application\":\"shop\",\"type\":\"php\",\"state\":\""
        + state
        + "\",\"desiredState\":\"RUNNING\",\"phaseMessage\":"
        + (phaseMessage == null ? "null" : "\"" + phaseMessage + "\"")
        + ",\"roles\":{\"web\":2}}";
  }

  /** Answers the given services in turn, then keeps answering the last one. */
  private void serviceGoesThrough(String... answers) {
    AtomicInteger polls = new AtomicInteger();
    master.on(
        "GET",
        SERVICE_PATH,
        r -> Reply.json(200, answers[Math.min(polls.getAndIncrement(), answers.length - 1)]));
  }

  @Test
  void waitPrintsEachChangeAndExitsWithZeroOnceTheStateIsReached() {
    serviceGoesThrough(
        service("PROLOGUE", "placing 2 instances"),
        service("PROLOGUE", "placing 2 instances"),
        service("PROLOGUE", "1 of 2 instances running"),
        service("RUNNING", null));

    var result = mec.run("service", "wait", "shop", "web", "--state", "RUNNING");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "  0s  PROLOGUE: placing 2 instances\n"
            + "  2s  PROLOGUE: 1 of 2 instances running\n"
            + "  3s  RUNNING\n",
        result.out());
    assertEquals(4, master.requests().size());
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
        mec.clock().sleeps());
  }

  @Test
  void waitPrintsTheEndpointOnceTheServiceRuns() {
    String running =
        service("RUNNING", null).replace("}}", "},\"endpoint\":\"http://10.77.0.11:20000\"}");
    serviceGoesThrough(service("PROLOGUE", "placing 2 instances"), running);

    var result = mec.run("service", "wait", "shop", "web", "--state", "RUNNING");
    var json = mec.run("service", "wait", "shop", "web", "--state", "RUNNING", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "  0s  PROLOGUE: placing 2 instances\n"
            + "  1s  RUNNING\n"
            + "Endpoint: http://10.77.0.11:20000\n",
        result.out());
    assertEquals(running + "\n", json.out());
  }

  @Test
  void waitReturnsAtOnceWhenTheServiceIsAlreadyThereAndTakesStatesInAnyCase() {
    serviceGoesThrough(service("STOPPED", null));

    var result = mec.run("service", "wait", "shop", "web", "--state", "stopped");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(1, master.requests().size());
    assertTrue(mec.clock().sleeps().isEmpty());
  }

  @Test
  void waitExitsWithOneWhenTheServiceFails() {
    serviceGoesThrough(
        service("PROLOGUE", "placing 2 instances"),
        service("ERROR", "init.sh exited with 3 on s12-web-0"));

    var result = mec.run("service", "wait", "shop", "web", "--state", "RUNNING");

    assertEquals(1, result.exitCode());
    assertTrue(result.out().endsWith("  1s  ERROR: init.sh exited with 3 on s12-web-0\n"));
    assertEquals(
        "error: shop/web failed (state ERROR): init.sh exited with 3 on s12-web-0\n", result.err());
    assertEquals(2, master.requests().size(), "no polling after ERROR");
  }

  @Test
  void waitGivesUpAfterTheTimeoutWithOne() {
    serviceGoesThrough(service("PROLOGUE", "no node has room"));

    var result = mec.run("service", "wait", "shop", "web", "--state", "RUNNING", "--timeout", "3");

    assertEquals(1, result.exitCode());
    assertEquals("  0s  PROLOGUE: no node has room\n", result.out());
    assertEquals("error: gave up after 3 s: shop/web is PROLOGUE, not RUNNING\n", result.err());
    assertEquals(4, master.requests().size(), "polls at 0, 1, 2 and 3 s");
  }

  @Test
  void waitWithJsonPrintsOnlyTheFinalService() {
    serviceGoesThrough(service("PROLOGUE", null), service("RUNNING", null));

    var result = mec.run("service", "wait", "shop", "web", "--state", "RUNNING", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(service("RUNNING", null) + "\n", result.out());
  }

  @Test
  void waitNeedsAKnownState() {
    var missing = mec.run("service", "wait", "shop", "web");
    var unknown = mec.run("service", "wait", "shop", "web", "--state", "DONE");

    assertEquals(CommandLine.ExitCode.USAGE, missing.exitCode());
    assertEquals(CommandLine.ExitCode.USAGE, unknown.exitCode());
    assertTrue(master.requests().isEmpty());
  }
}

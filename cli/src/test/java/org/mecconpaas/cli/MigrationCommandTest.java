package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class MigrationCommandTest {

  static final String SERVICE = "/api/v1/applications/shop/services/web";
  static final String MIGRATE = SERVICE + "/instances/s12-web-0/migrate";
  static final String MIGRATIONS = SERVICE + "/migrations";

  /** A migration as the master lists it; {@code null} times are left out, as the master does. */
  static String migration(
      int id, String state, String healthyAt, String finishedAt, String message) {
    return "{\"id\":"
        + id
        + ",\"instance\":\"s12-web-0\",\"target\":\"s12-web-0-m"
        + id
        + "\",\"from\":\"n1\",\"to\":\"n3\",\"trigger\":\"manual\",\"state\":\""
        + state
        + "\""
        + (message == null ? "" : ",\"message\":\"" + message + "\"")
        + ",\"requestedAt\":\"2025-03-01T09:58:00Z\""
        + (healthyAt == null ? "" : ",\"healthyAt\":\"" + healthyAt + "\"")
        + (healthyAt == null ? "" : ",\"switchedAt\":\"" + healthyAt + "\"")
        + (finishedAt == null ? "" : ",\"finishedAt\":\"" + finishedAt + "\"")
        + "}";
  }

  static final String CREATING = migration(7, "CREATING", null, null, null);

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
  void migrateToANodePostsItAndSaysHowToFollow() {
    master.on("POST", MIGRATE, r -> Reply.json(202, CREATING));

    var result = mec.run("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("POST", request.method());
    assertEquals("{\"node\":\"n3\"}", request.bodyText());
    assertEquals(
        "Migration 7 of shop/web: s12-web-0 n1 -> n3 (manual).\n"
            + "Follow it with: mec service migrations shop web\n",
        result.out());
  }

  @Test
  void migrateNearAPointSendsItsCoordinates() {
    master.on("POST", MIGRATE, r -> Reply.json(202, CREATING));

    var result =
        mec.run("service", "migrate", "shop", "web", "s12-web-0", "--near", "52.16,4.49", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("{\"latitude\":52.16,\"longitude\":4.49}", master.onlyRequest().bodyText());
    assertEquals(CREATING + "\n", result.out());
  }

  @Test
  void migrateNeedsExactlyOneDestinationAndNoRadius() {
    var none = mec.run("service", "migrate", "shop", "web", "s12-web-0");
    var both =
        mec.run("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3", "--near", "1,2");
    var radius = mec.run("service", "migrate", "shop", "web", "s12-web-0", "--near", "1,2,300");
    var timeout =
        mec.run("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3", "-t", "1m");

    assertEquals(CommandLine.ExitCode.USAGE, none.exitCode());
    assertEquals(CommandLine.ExitCode.USAGE, both.exitCode());
    assertEquals(CommandLine.ExitCode.USAGE, radius.exitCode());
    assertTrue(radius.err().startsWith("--near takes LAT,LON here"), radius.err());
    assertEquals(CommandLine.ExitCode.USAGE, timeout.exitCode());
    assertTrue(timeout.err().startsWith("--timeout only goes with --wait"), timeout.err());
    assertTrue(master.requests().isEmpty(), master.requests().toString());
  }

  @Test
  void aRefusedDestinationShowsTheFieldAndExitsWithOne() {
    master.on(
        "POST",
        MIGRATE,
        r ->
            Reply.problem(
                422,
                "the instance cannot move there",
                "[{\"field\":\"node\",\"message\":\"n3 has no room: 64 MiB free, 256 needed\"}]"));

    var result = mec.run("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: the instance cannot move there\n  node: n3 has no room: 64 MiB free, 256 needed\n",
        result.err());
    assertEquals("", result.out());
  }

  @Test
  void anInstanceMovingAlreadyIsAConflictAndExitsWithOne() {
    master.on(
        "POST", MIGRATE, r -> Reply.problem(409, "s12-web-0 is moving already (migration 6)"));

    var result =
        mec.run("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3", "--wait");

    assertEquals(1, result.exitCode());
    assertEquals("error: s12-web-0 is moving already (migration 6)\n", result.err());
    assertEquals(1, master.requests().size(), "nothing to wait for");
  }

  @Test
  void anUnknownInstanceExitsWithOne() {
    master.on(
        "POST",
        SERVICE + "/instances/nope/migrate",
        r -> Reply.problem(404, "instance nope not found"));

    var result = mec.run("service", "migrate", "shop", "web", "nope", "--node", "n3");

    assertEquals(1, result.exitCode());
    assertEquals("error: instance nope not found\n", result.err());
  }

  @Test
  void migrationsListsEachMoveWithItsTimings() {
    String followMe =
        "{\"id\":8,\"instance\":\"s12-web-1\",\"target\":\"s12-web-1-m8\",\"from\":\"n2\","
            + "\"to\":\"n4\",\"trigger\":\"follow-me\",\"reason\":\"client c03 at 420 m\","
            + "\"state\":\"CREATING\",\"requestedAt\":\"2025-03-01T09:59:55Z\"}";
    String done =
        migration(7, "DONE", "2025-03-01T09:58:06.200Z", "2025-03-01T09:58:10.350Z", null);
    String rolledBack =
        migration(
            6, "ROLLED_BACK", null, "2025-03-01T09:59:30Z", "s12-web-0-m6 failed: init.sh exit 1");
    master.on(
        "GET",
        MIGRATIONS,
        r -> Reply.json(200, "[" + followMe + "," + done + "," + rolledBack + "]"));

    var result = mec.run("service", "migrations", "shop", "web");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        List.of(
            "ID  INSTANCE   FROM -> TO  TRIGGER    STATE        REQUESTED  HEALTHY AFTER  TOTAL"
                + "  MESSAGE",
            "8   s12-web-1  n2 -> n4    follow-me  CREATING     5s ago     -              -"
                + "      -",
            "7   s12-web-0  n1 -> n3    manual     DONE         2m ago     6.2s           10.3s"
                + "  -",
            "6   s12-web-0  n1 -> n3    manual     ROLLED_BACK  2m ago     -              1m30s"
                + "  s12-web-0-m6 failed: init.sh exit 1"),
        result.out().lines().toList());
  }

  @Test
  void migrationsWithJsonPrintsTheListUnchanged() {
    master.on("GET", MIGRATIONS, r -> Reply.json(200, "[" + CREATING + "]"));

    var result = mec.run("service", "migrations", "shop", "web", "--json");

    assertEquals("[" + CREATING + "]\n", result.out());
  }

  @Test
  void migrationsOfAnUnknownServiceExitsWithOne() {
    master.on("GET", MIGRATIONS, r -> Reply.problem(404, "service web not found"));

    var result = mec.run("service", "migrations", "shop", "web");

    assertEquals(1, result.exitCode());
    assertEquals("error: service web not found\n", result.err());
  }
}

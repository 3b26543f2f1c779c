package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mecconpaas.cli.MigrationCommandTest.CREATING;
import static org.mecconpaas.cli.MigrationCommandTest.MIGRATE;
import static org.mecconpaas.cli.MigrationCommandTest.MIGRATIONS;
import static org.mecconpaas.cli.MigrationCommandTest.migration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class MigrationWaitTest {

  private static final String OTHER = migration(5, "DONE", null, null, null);
  private static final String DRAINING =
      migration(7, "DRAINING", "2025-03-01T09:58:06.200Z", null, null);
  private static final String DONE =
      migration(7, "DONE", "2025-03-01T09:58:06.200Z", "2025-03-01T09:58:10.350Z", null);
  private static final String ROLLED_BACK =
      migration(
          7,
          "ROLLED_BACK",
          null,
          "2025-03-01T09:58:31Z",
          "s12-web-0-m7 failed: init.sh exited with 1");

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster();
    mec = new MecRunner(temp).loggedInTo(master);
    master.on("POST", MIGRATE, r -> Reply.json(202, CREATING));
  }

  @AfterEach
  void stop() {
    master.close();
  }

  /** Lists this migration in the given states in turn, newest first, then keeps the last. */
  private void migrationGoesThrough(String... states) {
    AtomicInteger polls = new AtomicInteger();
    master.on(
        "GET",
        MIGRATIONS,
        r ->
            Reply.json(
                200,
                "["
                    + states[Math.min(polls.getAndIncrement(), states.length - 1)]
                    + ","
                    + OTHER
                    + "]"));
  }

  private MecRunner.Result migrateAndWait(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("service", "migrate", "shop", "web", "s12-web-0", "--node", "n3", "--wait"));
    args.addAll(List.of(more));
    return mec.run(args.toArray(String[]::new));
  }

  @Test
  void waitPrintsEachStepWithItsTimeOnceAndExitsWithZeroWhenDone() {
    migrationGoesThrough(CREATING, DRAINING, DRAINING, DONE);

    var result = migrateAndWait();

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "Migration 7 of shop/web: s12-web-0 n1 -> n3 (manual).\n"
            + "   0ms  CREATING s12-web-0-m7 on n3\n"
            + "  6.2s  s12-web-0-m7 runs\n"
            + "  6.2s  DRAINING: the routers switched to s12-web-0-m7, s12-web-0 drains\n"
            + " 10.3s  DONE\n",
        result.out());
    assertEquals("", result.err());
    assertEquals(5, master.requests().size(), "the POST, then a poll a second until DONE");
    assertEquals(
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1)),
        mec.clock().sleeps());
  }

  @Test
  void aRollbackPrintsItsMessageAndExitsWithOne() {
    migrationGoesThrough(CREATING, ROLLED_BACK);

    var result = migrateAndWait();

    assertEquals(1, result.exitCode());
    assertEquals(
        "Migration 7 of shop/web: s12-web-0 n1 -> n3 (manual).\n"
            + "   0ms  CREATING s12-web-0-m7 on n3\n"
            + " 31.0s  ROLLED_BACK: s12-web-0-m7 failed: init.sh exited with 1\n",
        result.out());
    assertEquals(
        "error: migration 7 of shop/web was rolled back: s12-web-0-m7 failed: init.sh exited with"
            + " 1\n",
        result.err());
    assertEquals(3, master.requests().size(), "no polling after ROLLED_BACK");
  }

  @Test
  void waitWithJsonPrintsOnlyTheFinalMigrationAndKeepsTheExitCode() {
    migrationGoesThrough(DRAINING, DONE);

    var done = migrateAndWait("--json");
    migrationGoesThrough(ROLLED_BACK);
    var rolledBack = migrateAndWait("--json");

    assertEquals(0, done.exitCode(), done.err());
    assertEquals(DONE + "\n", done.out());
    assertEquals(1, rolledBack.exitCode());
    assertEquals(ROLLED_BACK + "\n", rolledBack.out());
  }

  @Test
  void waitGivesUpAfterTheTimeoutWithOne() {
    migrationGoesThrough(CREATING);

    var result = migrateAndWait("--timeout", "3s");

    assertEquals(1, result.exitCode());
    assertEquals("error: gave up after 3s: migration 7 of shop/web is CREATING\n", result.err());
    assertEquals(4, master.requests().size(), "the POST, then polls at 1, 2 and 3 s");
  }

  @Test
  void theDefaultTimeoutIsFiveMinutes() {
    // The first poll answers after 299 s: at 300 s the wait gives up, and not before.
    master.on(
        "GET",
        MIGRATIONS,
        r -> {
          mec.clock().advance(Duration.ofSeconds(299));
          return Reply.json(200, "[" + CREATING + "]");
        });

    var result = migrateAndWait();

    assertEquals(1, result.exitCode());
    assertEquals("error: gave up after 5m: migration 7 of shop/web is CREATING\n", result.err());
    assertEquals(2, master.requests().size(), "the POST and one poll");
  }

  @Test
  void aMigrationTheMasterNoLongerListsEndsTheWaitWithTwo() {
    migrationGoesThrough(OTHER);

    var result = migrateAndWait();

    assertEquals(2, result.exitCode());
    assertEquals("error: the master no longer lists migration 7 of shop/web\n", result.err());
  }
}

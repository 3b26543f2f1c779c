package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.cli.JobCommandTest.JOBS;
import static org.mecconpaas.cli.JobCommandTest.JOB_ID;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import org.mecconpaas.cli.command.DurationArgument;
import picocli.CommandLine;

class JobWaitTest {

  private static final String JOB_PATH = JOBS + "/" + JOB_ID;

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

  private static String detail(String state, String tasks, long written) {
    return "{\"job\":{\"id\":\""
        + JOB_ID
        + "\",\"name\":\"face-detection\",\"state\":\""
        + state
        + "\",\"durationMillis\":1000,\"tasks\":{"
        + tasks
        + "}},\"vertices\":[{\"name\":\"detect\",\"parallelism\":2,\"state\":\""
        + state
        + "\",\"readRecords\":1200,\"writeRecords\":"
        + written
        + ",\"durationMillis\":4000}]}";
  }

  /** Answers the given job details in turn, then keeps answering the last one. */
  private void jobGoesThrough(String... answers) {
    AtomicInteger polls = new AtomicInteger();
    master.on(
        "GET",
        JOB_PATH,
        r -> Reply.json(200, answers[Math.min(polls.getAndIncrement(), answers.length - 1)]));
  }

  @Test
  void waitPrintsEachChangeAndTheRecordCountsAndExitsWithZeroWhenFinished() {
    jobGoesThrough(
        detail("INITIALIZING", "", 0),
        detail("RUNNING", "\"running\":2", 10),
        detail("RUNNING", "\"running\":2", 20),
        detail("FINISHED", "\"finished\":2", 342));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID);

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "  0s  INITIALIZING\n"
            + "  2s  RUNNING (tasks running=2)\n"
            + "  6s  FINISHED (tasks finished=2)\n"
            + "STATE     PARALLELISM  READ  WRITTEN  DURATION  VERTEX\n"
            + "FINISHED  2            1200  342      4.0s      detect\n",
        result.out());
    assertEquals("", result.err());
    assertEquals(4, master.requests().size());
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)),
        mec.clock().sleeps());
  }

  @Test
  void waitExitsWithOneWhenTheJobFailsAfterPrintingHowFarItGot() {
    jobGoesThrough(detail("RUNNING", "\"running\":2", 10), detail("FAILED", "\"failed\":1", 17));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID);

    assertEquals(1, result.exitCode());
    assertTrue(
        result
            .out()
            .endsWith(
                "  2s  FAILED (tasks failed=1)\n"
                    + "STATE   PARALLELISM  READ  WRITTEN  DURATION  VERTEX\n"
                    + "FAILED  2            1200  17       4.0s      detect\n"),
        result.out());
    assertEquals("error: job " + JOB_ID + " of shop/flink ended FAILED\n", result.err());
    assertEquals(2, master.requests().size(), "no polling after FAILED");
  }

  @Test
  void aCancelledJobIsNoSuccessEither() {
    jobGoesThrough(detail("CANCELED", "\"canceled\":2", 5));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID);

    assertEquals(1, result.exitCode());
    assertEquals("error: job " + JOB_ID + " of shop/flink ended CANCELED\n", result.err());
  }

  @Test
  void waitGivesUpAfterTheTimeoutWithOne() {
    jobGoesThrough(detail("RUNNING", "\"running\":2", 10));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID, "--timeout", "5s");

    assertEquals(1, result.exitCode());
    assertEquals("  0s  RUNNING (tasks running=2)\n", result.out());
    assertEquals(
        "error: gave up after 5s: job " + JOB_ID + " of shop/flink is RUNNING\n", result.err());
    assertEquals(4, master.requests().size(), "polls at 0, 2, 4 and 5 s");
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)),
        mec.clock().sleeps());
  }

  @Test
  void theDefaultTimeoutIsTenMinutes() {
    var result = mec.run("job", "wait", "-h");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("(default: 10m)"), result.out());
  }

  @Test
  void timeoutsTakeMinutesAndHours() {
    jobGoesThrough(detail("RUNNING", "\"running\":2", 10));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID, "--timeout", "1m");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: gave up after 1m: job " + JOB_ID + " of shop/flink is RUNNING\n", result.err());
    assertEquals(Duration.ofMinutes(1), mec.clock().sleeps().stream().reduce(Duration::plus).get());
    assertEquals(Duration.ofHours(2), new DurationArgument().convert("2h"));
  }

  @Test
  void waitWithJsonPrintsOnlyTheFinalDetailAndKeepsTheExitCode() {
    jobGoesThrough(detail("RUNNING", "", 0), detail("FAILED", "\"failed\":1", 17));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID, "--json");

    assertEquals(1, result.exitCode());
    assertEquals(detail("FAILED", "\"failed\":1", 17) + "\n", result.out());
  }

  @Test
  void anUnknownJobEndsTheWaitWithOne() {
    master.on("GET", JOB_PATH, r -> Reply.problem(404, "job " + JOB_ID + " not found"));

    var result = mec.run("job", "wait", "shop", "flink", JOB_ID);

    assertEquals(1, result.exitCode());
    assertEquals("error: job " + JOB_ID + " not found\n", result.err());
  }

  @Test
  void theTimeoutMustBeADuration() {
    var result = mec.run("job", "wait", "shop", "flink", JOB_ID, "--timeout", "soon");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(result.err().contains("'soon' is not a duration"), result.err());
    assertTrue(master.requests().isEmpty());
  }
}

package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class JobCommandTest {

  static final String JOBS = "/api/v1/applications/shop/services/flink/jobs";
  static final String JOB_ID = "3f2a0c7e9b1d4e5fa6b7c8d9e0f1a2b3";

  static final String RUNNING_JOB =
      "{\"id\":\""
          + JOB_ID
          + "\",\"name\":\"face-detection\",\"state\":\"RUNNING\","
          + "\"startedAt\":\"2025-03-01T10:00:00Z\",\"durationMillis\":83000,"
          + "\"tasks\":{\"running\":3,\"finished\":1}}";

  // As the master sends an older job: finished, no tasks left running, and an end time.
  private static final String FINISHED_JOB =
      "{\"id\":\"0a0b0c0d0e0f00112233445566778899\",\"name\":\"word count\",\"state\":\"FINISHED\","
          + "\"startedAt\":\"2025-02-28T09:00:00Z\",\"endedAt\":\"2025-02-28T09:00:12Z\","
          + "\"durationMillis\":12400,\"tasks\":{\"finished\":2}}";

  static final String VERTICES =
      "[{\"name\":\"Source: frames\",\"parallelism\":1,\"state\":\"FINISHED\","
          + "\"readRecords\":0,\"writeRecords\":1200,\"durationMillis\":5100},"
          + "{\"name\":\"detect faces -> Sink: faces.csv\",\"parallelism\":4,"
          + "\"state\":\"RUNNING\",\"readRecords\":1187,\"writeRecords\":342,"
          + "\"durationMillis\":83000}]";

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
  void submitSendsVersionParallelismAndTheArgumentsAfterTheDoubleDash() {
    master.on("POST", JOBS, r -> Reply.json(201, RUNNING_JOB));

    var result =
        mec.run(
            "job",
            "submit",
            "shop",
            "flink",
            "--code-version",
            "2",
            "-p",
            "4",
            "--",
            "--input",
            "/data/in.avi",
            "-v");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("POST", request.method());
    assertEquals(
        Json.createObjectBuilder()
            .add("codeVersion", 2)
            .add("parallelism", 4)
            .add("args", Json.createArrayBuilder().add("--input").add("/data/in.avi").add("-v"))
            .build(),
        request.bodyJson());
    assertEquals(
        "Submitted job "
            + JOB_ID
            + " (face-detection) to shop/flink: RUNNING.\n"
            + "Wait for it with: mec job wait shop flink "
            + JOB_ID
            + "\n",
        result.out());
  }

  @Test
  void submitLeavesVersionParallelismAndArgumentsToTheMaster() {
    master.on("POST", JOBS, r -> Reply.json(201, RUNNING_JOB));

    var result = mec.run("job", "submit", "shop", "flink", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("{}", master.onlyRequest().bodyText());
    assertEquals(RUNNING_JOB + "\n", result.out());
  }

  @Test
  void submitRefusedByFlinkShowsFlinksCauseAndExitsWithOne() {
    master.on(
        "POST",
        JOBS,
        r ->
            Reply.problem(
                422,
                "Flink could not run code version 2: java.lang.ClassNotFoundException: Main",
                "[{\"field\":\"codeVersion\",\"message\":\"Flink could not run code version 2\"}]"));

    var result = mec.run("job", "submit", "shop", "flink");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: Flink could not run code version 2: java.lang.ClassNotFoundException: Main\n"
            + "  codeVersion: Flink could not run code version 2\n",
        result.err());
    assertEquals("", result.out());
  }

  @Test
  void submitToAServiceThatIsNotFlinkOrHasNoJobManagerExitsWithOne() {
    master.on("POST", JOBS, r -> Reply.problem(422, "shop/flink is not a Flink service"));
    var notFlink = mec.run("job", "submit", "shop", "flink");
    master.on("POST", JOBS, r -> Reply.problem(409, "shop/flink has no running JobManager"));
    var notRunning = mec.run("job", "submit", "shop", "flink");

    assertEquals(1, notFlink.exitCode());
    assertEquals("error: shop/flink is not a Flink service\n", notFlink.err());
    assertEquals(1, notRunning.exitCode());
    assertEquals("error: shop/flink has no running JobManager\n", notRunning.err());
  }

  @Test
  void aJobManagerThatDoesNotAnswerExitsWithTwo() {
    master.on(
        "GET",
        JOBS,
        r -> Reply.problem(503, "the JobManager at 10.77.0.11:20000 did not answer: timeout"));

    var result = mec.run("job", "list", "shop", "flink");

    assertEquals(2, result.exitCode());
    assertEquals(
        "error: the JobManager at 10.77.0.11:20000 did not answer: timeout\n", result.err());
  }

  @Test
  void listShowsStateDurationAndTasksWithTheNameLast() {
    master.on("GET", JOBS, r -> Reply.json(200, "[" + RUNNING_JOB + "," + FINISHED_JOB + "]"));

    var result = mec.run("job", "list", "shop", "flink");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        List.of(
            "ID                                STATE     STARTED               DURATION  TASKS"
                + "                 NAME",
            JOB_ID
                + "  RUNNING   2025-03-01T10:00:00Z  1m23s     running=3 finished=1"
                + "  face-detection",
            "0a0b0c0d0e0f00112233445566778899  FINISHED  2025-02-28T09:00:00Z  12.4s     finished=2"
                + "            word count"),
        result.out().lines().toList());
  }

  @Test
  void showPrintsTheJobThenItsVerticesWithTheirRecordCounts() {
    master.on(
        "GET",
        JOBS + "/" + JOB_ID,
        r -> Reply.json(200, "{\"job\":" + RUNNING_JOB + ",\"vertices\":" + VERTICES + "}"));

    var result = mec.run("job", "show", "shop", "flink", JOB_ID);

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "id:              "
            + JOB_ID
            + "\n"
            + "name:            face-detection\n"
            + "state:           RUNNING\n"
            + "startedAt:       2025-03-01T10:00:00Z\n"
            + "durationMillis:  83000\n"
            + "tasks:           running=3 finished=1\n"
            + "\n"
            + "STATE     PARALLELISM  READ  WRITTEN  DURATION  VERTEX\n"
            + "FINISHED  1            0     1200     5.1s      Source: frames\n"
            + "RUNNING   4            1187  342      1m23s     detect faces -> Sink: faces.csv\n",
        result.out());
  }

  @Test
  void showOfAnUnknownJobExitsWithOne() {
    master.on("GET", JOBS + "/nope", r -> Reply.problem(404, "job nope not found"));

    var result = mec.run("job", "show", "shop", "flink", "nope");

    assertEquals(1, result.exitCode());
    assertEquals("error: job nope not found\n", result.err());
  }

  @Test
  void cancelPostsWithoutABodyAndSaysSo() {
    master.on(
        "POST", JOBS + "/" + JOB_ID + "/cancel", r -> new Reply(202, null, Map.of(), new byte[0]));

    var result = mec.run("job", "cancel", "shop", "flink", JOB_ID);
    var quiet = mec.run("job", "cancel", "shop", "flink", JOB_ID, "--json");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals(0, request.body().length);
    assertEquals("Cancelling job " + JOB_ID + " of shop/flink.\n", result.out());
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertEquals("", quiet.out());
  }

  @Test
  void submitChecksItsNumbersBeforeAnyRequest() {
    var result = mec.run("job", "submit", "shop", "flink", "--parallelism", "many");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(master.requests().isEmpty());
  }
}

package org.mecconpaas.cli.command;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.Requests.JobSubmission;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Jobs of a Flink service: one of its code versions (a job jar) run on its JobManager. A job that
 * fails is the job's business; the service itself keeps running.
 */
@Command(name = "job", description = "Submit, follow and cancel the jobs of a Flink service.")
public final class JobCommand extends CommandGroup {

  private static final Duration WAIT_POLL = Duration.ofSeconds(2);

  /** The states after which Flink never runs the job again. */
  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED");

  @Command(
      name = "submit",
      description = {
        "Run a code version (a job jar) on the service's JobManager.",
        "Arguments for the job's main() go after --, e.g. -- --input /data/in.avi."
      })
  int submit(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Option(
              names = "--code-version",
              paramLabel = "N",
              description = "The code version to run (master's default: the active one).")
          Integer codeVersion,
      @Option(
              names = {"-p", "--parallelism"},
              paramLabel = "P",
              description = "Parallel tasks per operator (master's default: the jar's).")
          Integer parallelism,
      @Parameters(paramLabel = "ARGS", arity = "0..*", description = "For the job's main().")
          List<String> args) {
    JobSubmission submission =
        new JobSubmission(codeVersion, args == null || args.isEmpty() ? null : args, parallelism);
    output()
        .show(
            master().submitJob(app, svc, submission),
            answer -> {
              JsonObject job = answer.asObject();
              String id = Fields.text(job, "id");
              out()
                  .printf(
                      "Submitted job %s (%s) to %s/%s: %s.%n",
                      id, Fields.text(job, "name"), app, svc, Fields.text(job, "state"));
              out().printf("Wait for it with: mec job wait %s %s %s%n", app, svc, id);
            });
    return 0;
  }

  @Command(name = "list", description = "List the jobs of a Flink service, newest first.")
  int list(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    output()
        .show(
            master().listJobs(app, svc),
            answer -> {
              Table table = new Table("ID", "STATE", "STARTED", "DURATION", "TASKS", "NAME");
              for (JsonValue item : answer.asArray()) {
                JsonObject job = item.asJsonObject();
                table.row(
                    Fields.text(job, "id"),
                    Fields.text(job, "state"),
                    Fields.text(job, "startedAt"),
                    Fields.millis(job, "durationMillis"),
                    Fields.text(job, "tasks"),
                    Fields.text(job, "name"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "show", description = "Show one job and the record counts of its vertices.")
  int show(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "JOB", description = "The job's id, as 'mec job list' shows it.")
          String job) {
    output()
        .show(
            master().job(app, svc, job),
            answer -> {
              JsonObject detail = answer.asObject();
              Views.details(jobOf(detail), out());
              out().println();
              vertices(detail).print(out());
            });
    return 0;
  }

  @Command(name = "cancel", description = "Cancel a running job.")
  int cancel(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "JOB") String job) {
    JsonDocument answer = master().cancelJob(app, svc, job);
    String done = "Cancelling job " + job + " of " + app + "/" + svc + ".";
    output().show(answer, doc -> out().println(done));
    return 0;
  }

  @Command(
      name = "wait",
      description = {
        "Wait until a job ends, printing each change of its state; for scripts.",
        "Exits with 0 when it FINISHED, 1 when it FAILED, was CANCELED or on timeout."
      })
  int waitFor(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "JOB") String job,
      @Option(
              names = {"-t", "--timeout"},
              paramLabel = "TIME",
              defaultValue = "10m",
              converter = DurationArgument.class,
              description = "Give up after this long: 90s, 10m, 2h (default: ${DEFAULT-VALUE}).")
          Duration timeout) {
    String name = "job " + job + " of " + app + "/" + svc;
    Instant start = clock().now();
    String lastSeen = null;
    while (true) {
      JsonDocument answer = master().job(app, svc, job);
      JsonObject current = jobOf(answer.asObject());
      String state = Fields.text(current, "state");
      Duration elapsed = Duration.between(start, clock().now());
      String seen = progress(current);
      if (!seen.equals(lastSeen)) {
        output().note(String.format("%3ds  %s", elapsed.getSeconds(), seen));
        lastSeen = seen;
      }
      if (ENDED.contains(state)) {
        output().show(answer, doc -> vertices(doc.asObject()).print(out()));
        if (!state.equals("FINISHED")) {
          throw new CliException(name + " ended " + state);
        }
        return 0;
      }
      if (elapsed.compareTo(timeout) >= 0) {
        throw new CliException(
            "gave up after "
                + DurationArgument.format(timeout)
                + ": "
                + name
                + " is "
                + Objects.requireNonNullElse(state, "in no state"));
      }
      pause(timeout.minus(elapsed), name);
    }
  }

  private void pause(Duration left, String name) {
    try {
      clock().sleep(left.compareTo(WAIT_POLL) < 0 ? left : WAIT_POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for " + name);
    }
  }

  /** "RUNNING (tasks running=3 finished=1)", or just the state before Flink counts tasks. */
  private static String progress(JsonObject job) {
    String state = Objects.requireNonNullElse(Fields.text(job, "state"), "-");
    String tasks = Fields.text(job, "tasks");
    return tasks == null || tasks.isEmpty() ? state : state + " (tasks " + tasks + ")";
  }

  /** The {@code job} of a job detail answer; empty when the master left it out. */
  private static JsonObject jobOf(JsonObject detail) {
    return detail.get("job") instanceof JsonObject job ? job : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** One row per vertex (operator chain); its name goes last, as Flink's can be very long. */
  private static Table vertices(JsonObject detail) {
    Table table = new Table("STATE", "PARALLELISM", "READ", "WRITTEN", "DURATION", "VERTEX");
    JsonArray vertices =
        detail.get("vertices") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    for (JsonValue item : vertices) {
      JsonObject vertex = item.asJsonObject();
      table.row(
          Fields.text(vertex, "state"),
          Fields.text(vertex, "parallelism"),
          Fields.text(vertex, "readRecords"),
          Fields.text(vertex, "writeRecords"),
          Fields.millis(vertex, "durationMillis"),
          Fields.text(vertex, "name"));
    }
    return table;
  }
}

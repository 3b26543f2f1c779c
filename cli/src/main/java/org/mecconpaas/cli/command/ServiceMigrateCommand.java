package org.mecconpaas.cli.command;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.Requests.MigrationTarget;
import org.mecconpaas.cli.client.Requests.Near;
import org.mecconpaas.cli.client.UnexpectedAnswerException;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Output;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mec service migrate}: moves one instance to another node, and can follow the move. */
@Command(
    name = "migrate",
    description = {
      "Move an instance to another node, make-before-break: a copy starts on the new node, the"
          + " routers switch to it once it runs, then the old instance drains and goes.",
      "With --wait, print each step with its time after the request until the migration is DONE"
          + " (exit 0) or ROLLED_BACK (exit 1: the old instance serves on where it was)."
    })
final class ServiceMigrateCommand implements Callable<Integer> {

  private static final Duration WAIT_POLL = Duration.ofSeconds(1);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  @ParentCommand private ServiceCommand service;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "APP")
  private String app;

  @Parameters(index = "1", paramLabel = "SVC")
  private String svc;

  @Parameters(
      index = "2",
      paramLabel = "INSTANCE",
      description = "As 'mec service instances' lists it.")
  private String instance;

  @ArgGroup(multiplicity = "1")
  private Destination destination;

  /** Exactly one of a node and a point. */
  static final class Destination {
    @Option(names = "--node", paramLabel = "NODE", description = "To this node.")
    String node;

    @Option(
        names = "--near",
        paramLabel = "LAT,LON",
        converter = NearArgument.class,
        description = "To the eligible node nearest this point, in degrees.")
    Near near;
  }

  @Option(names = "--wait", description = "Follow the migration until it is done or rolled back.")
  private boolean wait;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "TIME",
      converter = DurationArgument.class,
      description = "With --wait: give up after this long: 90s, 5m (default: 5m).")
  private Duration timeout;

  @Override
  public Integer call() {
    if (destination.near != null && destination.near.radiusMeters() != null) {
      throw usageError("--near takes LAT,LON here: the master picks the nearest eligible node");
    }
    if (timeout != null && !wait) {
      throw usageError("--timeout only goes with --wait");
    }
    JsonDocument answer = service.master().migrateInstance(app, svc, instance, target());
    if (!wait) {
      service.output().show(answer, doc -> started(doc.asObject(), true));
      return 0;
    }
    return follow(answer.asObject());
  }

  private MigrationTarget target() {
    Near near = destination.near;
    return near == null
        ? new MigrationTarget(destination.node, null, null)
        : new MigrationTarget(null, near.latitude(), near.longitude());
  }

  /** "Migration 7: s12-web-0 n1 -> n3 (manual)." and, without --wait, how to follow it. */
  private void started(JsonObject migration, boolean hint) {
    service
        .out()
        .printf(
            "Migration %s of %s/%s: %s %s (%s).%n",
            Fields.text(migration, "id"),
            app,
            svc,
            Fields.text(migration, "instance"),
            MigrationTimeline.move(migration),
            Fields.text(migration, "trigger"));
    if (hint) {
      service.out().printf("Follow it with: mec service migrations %s %s%n", app, svc);
    }
  }

  /**
   * Polls the service's migrations until this one ends, printing each step once, when first seen.
   * The times are the master's, after the request, so a slow poll does not skew them.
   */
  private int follow(JsonObject migration) {
    Output output = service.output();
    String name = "migration " + Fields.text(migration, "id") + " of " + app + "/" + svc;
    if (!output.json()) {
      started(migration, false);
    }
    Set<String> printed = new HashSet<>();
    Duration limit = timeout == null ? DEFAULT_TIMEOUT : timeout;
    Instant start = service.clock().now();
    JsonObject current = migration;
    while (true) {
      for (MigrationTimeline.Step step : MigrationTimeline.steps(current)) {
        if (printed.add(step.key())) {
          output.note(step.line());
        }
      }
      String state = Fields.text(current, "state");
      if ("DONE".equals(state) || "ROLLED_BACK".equals(state)) {
        if (output.json()) {
          output.printJson(current.toString());
        }
        if ("ROLLED_BACK".equals(state)) {
          throw new CliException(name + " was rolled back: " + Fields.text(current, "message"));
        }
        return 0;
      }
      Duration elapsed = Duration.between(start, service.clock().now());
      if (elapsed.compareTo(limit) >= 0) {
        throw new CliException(
            "gave up after " + DurationArgument.format(limit) + ": " + name + " is " + state);
      }
      pause(limit.minus(elapsed), name);
      current = find(service.master().migrations(app, svc), migration.get("id"), name);
    }
  }

  private static JsonObject find(JsonDocument migrations, JsonValue id, String name) {
    for (JsonValue item : migrations.asArray()) {
      if (item instanceof JsonObject candidate
          && candidate.get("id") instanceof JsonNumber number
          && number.equals(id)) {
        return candidate;
      }
    }
    throw new UnexpectedAnswerException("the master no longer lists " + name);
  }

  private void pause(Duration left, String name) {
    try {
      service.clock().sleep(left.compareTo(WAIT_POLL) < 0 ? left : WAIT_POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for " + name);
    }
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

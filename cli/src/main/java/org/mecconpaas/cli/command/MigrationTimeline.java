package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mecconpaas.cli.output.Elapsed;
import org.mecconpaas.cli.output.Fields;

/**
 * The steps a migration (as {@code GET .../migrations} lists it) has reached, each with its time
 * after the request: requested, destination healthy, routers switched, finished (DONE or
 * ROLLED_BACK). A rollback before the switch has neither of the middle steps.
 */
final class MigrationTimeline {

  /** One step: a stable key, how long after the request it came, and a line for people. */
  record Step(String key, Duration after, String text) {

    /** " 6.2s DRAINING: ...", aligned like the lines of {@code mec service wait}. */
    String line() {
      return String.format("%6s  %s", Elapsed.format(after.toMillis()), text);
    }
  }

  private MigrationTimeline() {}

  static List<Step> steps(JsonObject migration) {
    Instant requested = instant(migration, "requestedAt");
    String target = Objects.requireNonNullElse(blankToNull(migration, "target"), "the copy");
    String instance = Fields.text(migration, "instance");
    List<Step> steps = new ArrayList<>();
    add(steps, "requested", requested, requested, "CREATING " + target + " on " + to(migration));
    add(steps, "healthy", requested, instant(migration, "healthyAt"), target + " runs");
    add(
        steps,
        "switched",
        requested,
        instant(migration, "switchedAt"),
        "DRAINING: the routers switched to " + target + ", " + instance + " drains");
    add(steps, "finished", requested, instant(migration, "finishedAt"), finish(migration));
    return steps;
  }

  /** "6.2s" from the request until the destination ran; {@code null} before that. */
  static String timeToHealthy(JsonObject migration) {
    return between(migration, "healthyAt");
  }

  /** "10.3s" from the request until it was done or rolled back; {@code null} while it runs. */
  static String total(JsonObject migration) {
    return between(migration, "finishedAt");
  }

  /** "n1 -> n3"; "-" for a side the master does not name. */
  static String move(JsonObject migration) {
    return Objects.requireNonNullElse(Fields.text(migration, "from"), "-") + " -> " + to(migration);
  }

  private static String finish(JsonObject migration) {
    String state = Objects.requireNonNullElse(Fields.text(migration, "state"), "finished");
    String message = Fields.text(migration, "message");
    return message == null ? state : state + ": " + message;
  }

  private static String to(JsonObject migration) {
    return Objects.requireNonNullElse(Fields.text(migration, "to"), "-");
  }

  private static void add(
      List<Step> steps, String key, Instant requested, Instant at, String text) {
    if (requested != null && at != null) {
      steps.add(new Step(key, Duration.between(requested, at), text));
    }
  }

  private static String between(JsonObject migration, String field) {
    Instant requested = instant(migration, "requestedAt");
    Instant at = instant(migration, field);
    return requested == null || at == null
        ? null
        : Elapsed.format(Duration.between(requested, at).toMillis());
  }

  /** The field as an instant; {@code null} when absent or not ISO-8601 (then shown as "-"). */
  private static Instant instant(JsonObject migration, String field) {
    String text = Fields.text(migration, field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blankToNull(JsonObject migration, String field) {
    String text = Fields.text(migration, field);
    return text == null || text.isBlank() ? null : text;
  }
}

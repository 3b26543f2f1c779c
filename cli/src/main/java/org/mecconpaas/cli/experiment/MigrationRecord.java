package org.mecconpaas.cli.experiment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A migration of a service as the master recorded it (GET .../migrations). */
record MigrationRecord(
    String service,
    long id,
    String instance,
    String target,
    String from,
    String to,
    String trigger,
    String reason,
    String state,
    String message,
    Instant requestedAt,
    Instant healthyAt,
    Instant switchedAt,
    Instant finishedAt) {

  static final String CSV_HEADER =
      "service,id,instance,target,from,to,trigger,state,requested_at,healthy_at,switched_at,"
          + "finished_at,reason,message";

  static MigrationRecord of(String service, JsonObject json) {
    return new MigrationRecord(
        service,
        json.getJsonNumber("id") == null ? 0 : json.getJsonNumber("id").longValue(),
        text(json, "instance"),
        text(json, "target"),
        text(json, "from"),
        text(json, "to"),
        text(json, "trigger"),
        text(json, "reason"),
        text(json, "state"),
        text(json, "message"),
        instant(json, "requestedAt"),
        instant(json, "healthyAt"),
        instant(json, "switchedAt"),
        instant(json, "finishedAt"));
  }

  boolean done() {
    return "DONE".equals(state);
  }

  String csv() {
    return Csv.row(
        service,
        Long.toString(id),
        instance,
        target,
        from,
        to,
        trigger,
        state,
        string(requestedAt),
        string(healthyAt),
        string(switchedAt),
        string(finishedAt),
        reason,
        message);
  }

  private static String string(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String text(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value.getValueType() == JsonValue.ValueType.STRING
        ? json.getString(name)
        : value.toString();
  }

  private static Instant instant(JsonObject json, String name) {
    String text = text(json, name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}

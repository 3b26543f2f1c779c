package org.mecconpaas.cli.output;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns fields of the master's JSON into short cell text. Lenient on purpose: a field the master
 * leaves out or adds later shows as "-" instead of failing the whole listing.
 */
public final class Fields {

  private Fields() {}

  /** The field as text, or {@code null} when absent or JSON null. */
  public static String text(JsonObject object, String field) {
    return text(object.get(field));
  }

  public static String text(JsonValue value) {
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE -> "yes";
      case FALSE -> "no";
      case ARRAY -> value.asJsonArray().stream().map(Fields::text).collect(Collectors.joining(","));
      case OBJECT -> pairs(value.asJsonObject());
    };
  }

  /** A map such as the roles of a service, as {@code backend=1 web=2}. */
  public static String pairs(JsonObject object) {
    return object.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + text(entry.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** A byte count field, as {@code 1.5 MiB}. */
  public static String bytes(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value instanceof JsonNumber number ? ByteSize.format(number.longValue()) : null;
  }

  /**
   * A measured figure such as a CPU percentage, short enough for a column: whole numbers as they
   * are, three significant digits or so otherwise ("12.3", "0.53", "246"); {@code null} when the
   * field is not a number.
   */
  public static String figure(JsonObject object, String field) {
    return figure(object.get(field));
  }

  public static String figure(JsonValue value) {
    if (!(value instanceof JsonNumber number)) {
      return null;
    }
    double figure = number.doubleValue();
    if (figure == Math.rint(figure) && Math.abs(figure) < 1e15) {
      return Long.toString((long) figure);
    }
    double magnitude = Math.abs(figure);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.1f" : "%.2f";
    // Locale.ROOT: a decimal comma would be read as a list separator in tables.
    return String.format(Locale.ROOT, pattern, figure);
  }

  /** A duration in milliseconds, as {@link Elapsed} writes it. */
  public static String millis(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value instanceof JsonNumber number ? Elapsed.format(number.longValue()) : null;
  }

  /** A long hash cut to its first 12 characters, enough to tell versions apart in a table. */
  public static String shortHash(JsonObject object, String field) {
    String hash = text(object, field);
    return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12);
  }
}

package org.mecconpaas.cli.output;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

  /** A long hash cut to its first 12 characters, enough to tell versions apart in a table. */
  public static String shortHash(JsonObject object, String field) {
    String hash = text(object, field);
    return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12);
  }
}

package org.mecconpaas.cli.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * A JSON answer of the master, kept as the exact text it sent. The text is what {@code --json}
 * prints; the parsed value is only built when a table needs it.
 */
public record JsonDocument(String text) {

  public JsonDocument {
    text = text == null ? "" : text;
  }

  public boolean isEmpty() {
    return text.isBlank();
  }

  public JsonValue value() {
    if (isEmpty()) {
      throw new UnexpectedAnswerException(
          "the master sent an empty answer where JSON was expected");
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      throw new UnexpectedAnswerException("the master sent invalid JSON: " + e.getMessage());
    } catch (JsonException e) {
      throw new UnexpectedAnswerException("cannot read the master's answer: " + e.getMessage());
    }
  }

  public JsonObject asObject() {
    JsonValue value = value();
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new UnexpectedAnswerException("expected a JSON object, got " + value.getValueType());
    }
    return value.asJsonObject();
  }

  public JsonArray asArray() {
    JsonValue value = value();
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new UnexpectedAnswerException("expected a JSON array, got " + value.getValueType());
    }
    return value.asJsonArray();
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic service's script states as the node reported them (a JSON object per script, see
 * docs/agent-protocol.md), in the order the scripts run, for a compact column.
 */
public final class ScriptStatus {
  static final List<String> ORDER = List.of("init", "notify", "run", "interrupt", "cleanup");

  private ScriptStatus() {}

  /** One script: its state and, once it ended, its exit code. */
  public record Script(String name, String state, Integer exitCode) implements Serializable {
    /** "run: RUNNING", "init: exit 0". */
    public String text() {
      return exitCode == null || "RUNNING".equals(state)
          ? name + ": " + state
          : name + ": exit " + exitCode;
    }

    public boolean failed() {
      return exitCode != null && exitCode != 0;
    }
  }

  /** The scripts that ever ran; empty for no report or one that cannot be read. */
  public static List<Script> of(String reported) {
    if (reported == null || reported.isBlank()) {
      return List.of();
    }
    JsonObject scripts;
    try (var reader = Json.createReader(new StringReader(reported))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return List.of();
      }
      scripts = value.asJsonObject();
    } catch (JsonParsingException | IllegalStateException e) {
      return List.of();
    }
    List<Script> result = new ArrayList<>();
    for (String name : ORDER) {
      JsonValue entry = scripts.get(name);
      if (entry == null || entry.getValueType() != JsonValue.ValueType.OBJECT) {
        continue;
      }
      JsonObject script = entry.asJsonObject();
      String state = script.getString("state", "UNKNOWN");
      if ("NEVER".equals(state)) {
        continue;
      }
      JsonValue code = script.get("exitCode");
      Integer exit =
          code != null && code.getValueType() == JsonValue.ValueType.NUMBER
              ? script.getInt("exitCode")
              : null;
      result.add(new Script(name, state, exit));
    }
    return result;
  }
}

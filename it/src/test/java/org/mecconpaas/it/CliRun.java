package org.mecconpaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** What one CLI run left behind: exit code, stdout and stderr, with assertions that quote them. */
record CliRun(List<String> args, int exitCode, String stdout, String stderr) {

  CliRun succeeds() {
    return exits(0);
  }

  CliRun exits(int expected) {
    assertEquals(expected, exitCode, () -> "exit code of " + describe());
    return this;
  }

  /** stdout as JSON; fails the test when it does not parse, since scripts rely on that. */
  JsonValue json() {
    try (var reader = Json.createReader(new StringReader(stdout))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new AssertionError("stdout is not JSON: " + describe(), e);
    }
  }

  JsonObject object() {
    return json().asJsonObject();
  }

  JsonArray array() {
    return json().asJsonArray();
  }

  String describe() {
    return "mec "
        + String.join(" ", args)
        + " -> exit "
        + exitCode
        + "\n--- stdout:\n"
        + stdout
        + "--- stderr:\n"
        + stderr;
  }
}

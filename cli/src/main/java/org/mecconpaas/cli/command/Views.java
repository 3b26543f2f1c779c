package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.output.Details;
import org.mecconpaas.cli.output.Fields;

/** Layouts shared by several commands. */
final class Views {

  private Views() {}

  /**
   * Every field of one object, in the master's order. Generic on purpose: a field added on the
   * server shows up here without a CLI release.
   */
  static void details(JsonDocument answer, PrintWriter out) {
    details(answer.asObject(), out);
  }

  static void details(JsonObject object, PrintWriter out) {
    Details details = new Details();
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      details.add(field.getKey(), Fields.text(field.getValue()));
    }
    details.print(out);
  }

  /**
   * The scripts of an instance in one short cell, in the order its node reported them: {@code
   * init:0 run:running} for init.sh exited with 0 and run.sh still running. Scripts that never ran
   * are left out; {@code null} when none ran or the node has not reported yet.
   */
  static String scripts(JsonValue scripts) {
    if (!(scripts instanceof JsonObject byName)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonValue> script : byName.entrySet()) {
      if (!(script.getValue() instanceof JsonObject report)) {
        continue;
      }
      String state = Fields.text(report, "state");
      String exitCode = Fields.text(report, "exitCode");
      if (state == null || state.equals("NEVER")) {
        continue;
      }
      String shown =
          state.equals("EXITED") && exitCode != null ? exitCode : state.toLowerCase(Locale.ROOT);
      parts.add(script.getKey() + ":" + shown);
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** "shop/web", or just "shop", for events and messages. */
  static String target(String application, String service) {
    if (application == null) {
      return service;
    }
    return service == null ? application : application + "/" + service;
  }
}

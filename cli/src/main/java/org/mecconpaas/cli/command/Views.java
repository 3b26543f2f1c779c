package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
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

  /** "shop/web", or just "shop", for events and messages. */
  static String target(String application, String service) {
    if (application == null) {
      return service;
    }
    return service == null ? application : application + "/" + service;
  }
}

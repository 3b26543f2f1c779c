package org.mecconpaas.cli.command;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.Requests.NewEnrollmentToken;
import org.mecconpaas.cli.client.Requests.NodeLabels;
import org.mecconpaas.cli.output.Age;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Edge nodes and the one-time tokens that let a new node join (operators only). */
@Command(name = "node", description = "Enroll and inspect edge nodes (admin).")
public final class NodeCommand extends CommandGroup {

  @Command(name = "token", description = "Create a one-time enrollment token for a new node.")
  int token(
      @Option(
              names = "--node-name",
              paramLabel = "NAME",
              description = "Only a node of this name may use the token.")
          String nodeName,
      @Option(
              names = "--expires-in-hours",
              paramLabel = "HOURS",
              description = "Master's default: 24.")
          Integer expiresInHours) {
    output()
        .show(
            master().createEnrollmentToken(new NewEnrollmentToken(nodeName, expiresInHours)),
            answer -> {
              Views.details(answer, out());
              // Only on stderr: stdout may be piped into the node's agent configuration.
              err().println("The token is shown only this once: hand it to the node's agent now.");
            });
    return 0;
  }

  @Command(name = "tokens", description = "List enrollment tokens.")
  int tokens() {
    output()
        .show(
            master().enrollmentTokens(),
            answer -> {
              Table table = new Table("ID", "NODE", "CREATED", "EXPIRES", "USED");
              for (JsonValue item : answer.asArray()) {
                JsonObject token = item.asJsonObject();
                table.row(
                    Fields.text(token, "id"),
                    Fields.text(token, "nodeName"),
                    Fields.text(token, "createdAt"),
                    Fields.text(token, "expiresAt"),
                    Fields.text(token, "usedAt"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(
      name = "list",
      description = {
        "List the edge nodes.",
        "LOAD is the 1-minute load average per CPU (100% = fully busy); MEMORY is used/total."
      })
  int list() {
    output()
        .show(
            master().nodes(),
            answer -> {
              Instant now = clock().now();
              Table table =
                  new Table(
                      "NAME",
                      "STATE",
                      "ADDRESS",
                      "CPU(m)",
                      "LOAD",
                      "MEMORY(MiB)",
                      "LOCATION",
                      "HEARTBEAT");
              for (JsonValue item : answer.asArray()) {
                JsonObject node = item.asJsonObject();
                table.row(
                    Fields.text(node, "name"),
                    Fields.text(node, "state"),
                    Fields.text(node, "address"),
                    Fields.text(node, "cpuMillis"),
                    load(node),
                    memory(node),
                    location(node),
                    heartbeat(node, now));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "show", description = "Show one edge node.")
  int show(@Parameters(paramLabel = "NODE") String node) {
    output().show(master().node(node), answer -> Views.details(answer, out()));
    return 0;
  }

  @Command(
      name = "drain",
      description = "Take no new instances on a node and move its instances to other nodes.")
  int drain(@Parameters(paramLabel = "NODE") String node) {
    output().show(master().drainNode(node), answer -> nowIn(node, answer));
    return 0;
  }

  @Command(name = "undrain", description = "Let a drained node take instances again.")
  int undrain(@Parameters(paramLabel = "NODE") String node) {
    output().show(master().undrainNode(node), answer -> nowIn(node, answer));
    return 0;
  }

  @Command(
      name = "label",
      description = {
        "Set a node's labels, replacing those it had; without labels, clear them.",
        "A service placed with --label goes only to nodes with every label it asks for."
      })
  int label(
      @Parameters(paramLabel = "NODE") String node,
      @Parameters(paramLabel = "LABEL", arity = "0..*", description = "e.g. outdoor, gpu.")
          List<String> labels) {
    NodeLabels request = new NodeLabels(labels == null ? List.of() : labels);
    output().show(master().labelNode(node, request), answer -> labelled(node, answer));
    return 0;
  }

  /** The labels as the master now has them, which may be normalised. */
  private void labelled(String node, JsonDocument answer) {
    String labels = answer.isEmpty() ? null : Fields.text(answer.asObject(), "labels");
    out()
        .println(
            labels == null || labels.isEmpty()
                ? "Node " + node + " has no labels."
                : "Node " + node + " is labelled " + labels + ".");
  }

  private void nowIn(String node, JsonDocument answer) {
    String state = answer.isEmpty() ? null : Fields.text(answer.asObject(), "state");
    out().println("Node " + node + (state == null ? " changed." : " is now " + state + "."));
  }

  /** cpuLoad 0.42 as "42%"; above 100% when more runs than there are CPUs. */
  private static String load(JsonObject node) {
    return node.get("cpuLoad") instanceof JsonNumber load
        ? String.format(Locale.ROOT, "%.0f%%", load.doubleValue() * 100)
        : null;
  }

  /** "310/1024", or "-/1024" before the node's first report of what it uses. */
  private static String memory(JsonObject node) {
    String total = Fields.text(node, "memoryMiB");
    String used = Fields.text(node, "memoryUsedMiB");
    if (total == null) {
      return used;
    }
    return (used == null ? "-" : used) + "/" + total;
  }

  private static String heartbeat(JsonObject node, Instant now) {
    String at = Fields.text(node, "lastHeartbeatAt");
    return at == null ? "never" : Age.since(at, now);
  }

  private static String location(JsonObject node) {
    String latitude = Fields.text(node, "latitude");
    String longitude = Fields.text(node, "longitude");
    return latitude == null || longitude == null ? null : latitude + "," + longitude;
  }
}

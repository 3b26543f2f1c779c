package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mecconpaas.cli.client.Requests.NewEnrollmentToken;
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

  @Command(name = "list", description = "List the edge nodes.")
  int list() {
    output()
        .show(
            master().nodes(),
            answer -> {
              Table table =
                  new Table("NAME", "STATE", "CPU(m)", "MEMORY(MiB)", "LOCATION", "HEARTBEAT");
              for (JsonValue item : answer.asArray()) {
                JsonObject node = item.asJsonObject();
                table.row(
                    Fields.text(node, "name"),
                    Fields.text(node, "state"),
                    Fields.text(node, "cpuMillis"),
                    Fields.text(node, "memoryMiB"),
                    location(node),
                    Fields.text(node, "lastHeartbeatAt"));
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

  private static String location(JsonObject node) {
    String latitude = Fields.text(node, "latitude");
    String longitude = Fields.text(node, "longitude");
    return latitude == null || longitude == null ? null : latitude + "," + longitude;
  }
}

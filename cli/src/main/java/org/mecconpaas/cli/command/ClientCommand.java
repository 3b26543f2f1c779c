package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.mecconpaas.cli.NotLoggedInException;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.MobileClientsApi;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.output.Age;
import org.mecconpaas.cli.output.Details;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Mobile clients (users' devices) and the access points they are associated with; read-only. */
@Command(
    name = "client",
    description = "Show mobile clients and the access point (node) each one is associated with.")
public final class ClientCommand extends CommandGroup {

  @Command(
      name = "list",
      description = {
        "List the mobile clients, by id.",
        "NODE is the access point a client is associated with now (- for none)."
      })
  int list(
      @Option(names = "--page", paramLabel = "N", description = "Page, from 0.") Integer page,
      @Option(names = "--size", paramLabel = "N", description = "Master's default: 100.")
          Integer size) {
    JsonDocument answer = call(api -> api.clients(page, size));
    output()
        .show(
            answer,
            a -> {
              JsonObject result = a.asObject();
              Instant now = clock().now();
              Table table = new Table("ID", "NODE", "ASSOCIATED", "POSITION");
              for (JsonValue item : result.getJsonArray("items")) {
                JsonObject client = item.asJsonObject();
                table.row(
                    Fields.text(client, "id"),
                    Fields.text(client, "node"),
                    Age.since(Fields.text(client, "associatedAt"), now),
                    position(client));
              }
              table.print(out());
              footer(result, "clients");
            });
    return 0;
  }

  @Command(name = "show", description = "Show one mobile client and its history, newest first.")
  int show(
      @Parameters(paramLabel = "CLIENT") String id,
      @Option(names = "--page", paramLabel = "N", description = "History page, from 0.")
          Integer page,
      @Option(names = "--size", paramLabel = "N", description = "Master's default: 50.")
          Integer size) {
    JsonDocument answer = call(api -> api.client(id, page, size));
    output()
        .show(
            answer,
            a -> {
              JsonObject client = a.asObject();
              Details details = new Details();
              for (Map.Entry<String, JsonValue> field : client.entrySet()) {
                if (!field.getKey().equals("history")) {
                  details.add(field.getKey(), Fields.text(field.getValue()));
                }
              }
              details.print(out());
              JsonObject history = client.getJsonObject("history");
              out().println();
              Table table = new Table("NODE", "FROM", "TO");
              for (JsonValue item : history.getJsonArray("items")) {
                JsonObject stay = item.asJsonObject();
                String to = Fields.text(stay, "to");
                table.row(
                    Fields.text(stay, "node"),
                    Fields.text(stay, "from"),
                    to == null ? "(now)" : to);
              }
              table.print(out());
              footer(history, "associations");
            });
    return 0;
  }

  /** Says there is more when the page does not hold everything. */
  private void footer(JsonObject page, String what) {
    int shown = page.getJsonArray("items").size();
    long total = page.getJsonNumber("total").longValue();
    if (shown < total) {
      out()
          .println(
              shown
                  + " of "
                  + total
                  + " "
                  + what
                  + " (page "
                  + page.getInt("page")
                  + "); see more with --page.");
    }
  }

  private static String position(JsonObject client) {
    String latitude = Fields.text(client, "latitude");
    String longitude = Fields.text(client, "longitude");
    return latitude == null || longitude == null ? null : latitude + "," + longitude;
  }

  private JsonDocument call(Function<MobileClientsApi, JsonDocument> request) {
    CliConfig config = mec.configStore().load();
    if (!config.isLoggedIn()) {
      throw new NotLoggedInException();
    }
    try (MobileClientsApi api = new MobileClientsApi(URI.create(config.url()), config.token())) {
      return request.apply(api);
    }
  }
}

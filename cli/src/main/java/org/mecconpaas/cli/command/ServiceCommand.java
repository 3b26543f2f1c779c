package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.Requests.NewService;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Services: instances of a catalog type inside an application, started and stopped as a unit. */
@Command(name = "service", description = "Manage the services of an application.")
public final class ServiceCommand extends CommandGroup {

  @Command(name = "list", description = "List the services of an application.")
  int list(@Parameters(paramLabel = "APP") String app) {
    output()
        .show(
            master().listServices(app),
            answer -> {
              Table table =
                  new Table("NAME", "TYPE", "STATE", "DESIRED", "ROLES", "CODE", "MESSAGE");
              for (JsonValue item : answer.asArray()) {
                JsonObject service = item.asJsonObject();
                table.row(
                    Fields.text(service, "name"),
                    Fields.text(service, "type"),
                    Fields.text(service, "state"),
                    Fields.text(service, "desiredState"),
                    Fields.text(service, "roles"),
                    Fields.text(service, "activeCodeVersion"),
                    Fields.text(service, "phaseMessage"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "create", description = "Create a service (it starts in state INIT).")
  int create(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = {"-t", "--type"},
              required = true,
              paramLabel = "TYPE",
              description = "A catalog type; see 'mec catalog'.")
          String type,
      @Option(
              names = {"-r", "--role"},
              paramLabel = "ROLE=COUNT",
              description = "Instances of a role, e.g. --role web=2 (repeatable).")
          Map<String, Integer> roles,
      @Option(
              names = {"-p", "--placement"},
              paramLabel = "POLICY",
              description = "spread (default), pack, near or near-users.")
          String placement) {
    output()
        .show(
            master().createService(app, new NewService(name, type, placement, roles)),
            answer -> {
              out().println("Created service " + app + "/" + name + ".");
              Views.details(answer, out());
            });
    return 0;
  }

  @Command(name = "show", description = "Show one service.")
  int show(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    output().show(master().service(app, svc), answer -> Views.details(answer, out()));
    return 0;
  }

  @Command(name = "start", description = "Start a service on the edge nodes.")
  int start(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    JsonDocument answer = master().startService(app, svc);
    output().show(answer, doc -> out().println("Starting " + app + "/" + svc + stateOf(doc)));
    return 0;
  }

  @Command(name = "stop", description = "Stop a service.")
  int stop(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    JsonDocument answer = master().stopService(app, svc);
    output().show(answer, doc -> out().println("Stopping " + app + "/" + svc + stateOf(doc)));
    return 0;
  }

  @Command(name = "delete", description = "Delete a service that is not running.")
  int delete(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    master().deleteService(app, svc);
    output().note("Deleted service " + app + "/" + svc + ".");
    return 0;
  }

  /** " (state PROLOGUE)." when the answer says, otherwise "." */
  private static String stateOf(JsonDocument answer) {
    if (answer.isEmpty()) {
      return ".";
    }
    String state = Fields.text(answer.asObject(), "state");
    return state == null ? "." : " (state " + state + ").";
  }
}

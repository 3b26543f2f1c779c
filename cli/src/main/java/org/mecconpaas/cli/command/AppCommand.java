package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mecconpaas.cli.client.Requests.ApplicationChange;
import org.mecconpaas.cli.client.Requests.NewApplication;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Applications: named groups of services owned by one developer. */
@Command(name = "app", description = "Manage applications (groups of services).")
public final class AppCommand extends CommandGroup {

  @Command(name = "list", description = "List your applications.")
  int list() {
    output()
        .show(
            master().listApplications(),
            answer -> {
              Table table = new Table("NAME", "SERVICES", "CREATED", "DESCRIPTION");
              for (JsonValue item : answer.asArray()) {
                JsonObject app = item.asJsonObject();
                table.row(
                    Fields.text(app, "name"),
                    Fields.text(app, "services"),
                    Fields.text(app, "createdAt"),
                    Fields.text(app, "description"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "create", description = "Create an application.")
  int create(
      @Parameters(paramLabel = "NAME", description = "A DNS label: a-z, 0-9 and -.") String name,
      @Option(
              names = {"-d", "--description"},
              paramLabel = "TEXT")
          String description) {
    output()
        .show(
            master().createApplication(new NewApplication(name, description)),
            answer -> out().println("Created application " + name + "."));
    return 0;
  }

  @Command(name = "show", description = "Show one application.")
  int show(@Parameters(paramLabel = "NAME") String name) {
    output().show(master().application(name), answer -> Views.details(answer, out()));
    return 0;
  }

  @Command(name = "rename", description = "Rename an application.")
  int rename(
      @Parameters(paramLabel = "NAME") String name,
      @Parameters(paramLabel = "NEW_NAME") String newName) {
    output()
        .show(
            master().changeApplication(name, new ApplicationChange(newName, null)),
            answer -> out().println("Renamed application " + name + " to " + newName + "."));
    return 0;
  }

  @Command(
      name = "delete",
      description = "Delete an application; its services must be stopped first.")
  int delete(@Parameters(paramLabel = "NAME") String name) {
    master().deleteApplication(name);
    output().note("Deleted application " + name + ".");
    return 0;
  }
}

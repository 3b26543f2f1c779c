package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mecconpaas.cli.client.Requests.NewUser;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** User accounts (operators only). */
@Command(name = "user", description = "Manage user accounts (admin).")
public final class UserCommand extends CommandGroup {

  /** The roles the master knows; an enum so picocli rejects typos before any request. */
  enum Role {
    ADMIN,
    DEVELOPER
  }

  @Command(name = "list", description = "List users.")
  int list() {
    output()
        .show(
            master().listUsers(),
            answer -> {
              Table table = new Table("ID", "USERNAME", "ROLE", "CREATED");
              for (JsonValue item : answer.asArray()) {
                JsonObject user = item.asJsonObject();
                table.row(
                    Fields.text(user, "id"),
                    Fields.text(user, "username"),
                    Fields.text(user, "role"),
                    Fields.text(user, "createdAt"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(
      name = "create",
      description = "Create a user; the master generates the initial password and shows it once.")
  int create(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = {"-r", "--role"},
              required = true,
              paramLabel = "ROLE",
              description = "ADMIN or DEVELOPER.")
          Role role) {
    output()
        .show(
            master().createUser(new NewUser(name, role.name())),
            answer -> {
              JsonObject user = answer.asObject();
              out().println("Created user " + name + " (" + role + ").");
              String password = Fields.text(user, "initialPassword");
              if (password != null) {
                out().println("Initial password (shown only once): " + password);
              }
            });
    return 0;
  }

  @Command(name = "delete", description = "Delete a user who owns no applications.")
  int delete(@Parameters(paramLabel = "ID") String id) {
    master().deleteUser(id);
    output().note("Deleted user " + id + ".");
    return 0;
  }
}

package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The caller's own API tokens, e.g. to revoke one left on another machine. */
@Command(name = "token", description = "List and revoke your API tokens.")
public final class TokenCommand extends CommandGroup {

  @Command(name = "list", description = "List your tokens; * marks the one this CLI uses.")
  int list() {
    String current = mec.configStore().load().tokenId();
    output()
        .show(
            master().listTokens(),
            answer -> {
              Table table = new Table("ID", "NAME", "CREATED", "EXPIRES", "LAST USED", "CURRENT");
              for (JsonValue item : answer.asArray()) {
                JsonObject token = item.asJsonObject();
                String id = Fields.text(token, "id");
                table.row(
                    id,
                    Fields.text(token, "name"),
                    Fields.text(token, "createdAt"),
                    Fields.text(token, "expiresAt"),
                    Fields.text(token, "lastUsedAt"),
                    id != null && id.equals(current) ? "*" : "");
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "revoke", description = "Revoke a token.")
  int revoke(@Parameters(paramLabel = "ID") String id) {
    master().revokeToken(id);
    ConfigStore store = mec.configStore();
    CliConfig saved = store.load();
    if (id.equals(saved.tokenId())) {
      // The saved token is dead now; keeping it would only turn the next command into a 401.
      store.save(saved.loggedOut());
      output().note("Revoked token " + id + ", the one this CLI used: you are logged out.");
    } else {
      output().note("Revoked token " + id + ".");
    }
    return 0;
  }
}

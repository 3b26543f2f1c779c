package org.mecconpaas.cli.command;

import java.net.URI;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.client.ApiException;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import picocli.CommandLine.Command;

/**
 * Revokes the saved token on the master before forgetting it, so a copy of the config file is
 * worthless afterwards. If the master cannot be reached the token is kept, so the user can retry
 * rather than leave a live token behind unknowingly.
 */
@Command(name = "logout", description = "Revoke the saved token and forget it.")
public final class LogoutCommand extends MecCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    ConfigStore store = mec.configStore();
    CliConfig saved = store.load();
    if (!saved.isLoggedIn()) {
      err().println("Not logged in; nothing to do.");
      return 0;
    }
    if (saved.tokenId() != null) {
      try (MasterClient master = new MasterClient(URI.create(saved.url()), saved.token())) {
        master.revokeToken(saved.tokenId());
      } catch (ApiException e) {
        // 401/404: the token already expired or was revoked elsewhere; the goal is reached.
        if (e.status() != 401 && e.status() != 404) {
          throw e;
        }
      }
    }
    store.save(saved.loggedOut());
    output().note("Logged out of " + saved.url() + ".");
    return 0;
  }
}

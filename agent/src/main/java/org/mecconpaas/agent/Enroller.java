package org.mecconpaas.agent;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;
import org.mecconpaas.agent.master.EnrollRequest;
import org.mecconpaas.agent.master.Enrollment;
import org.mecconpaas.agent.master.MasterClient;
import org.mecconpaas.agent.master.MasterRejected;
import org.mecconpaas.agent.master.Unauthorized;
import org.mecconpaas.agent.state.Credential;
import org.mecconpaas.agent.state.CredentialStore;

/**
 * Enrolls once with the join token. An unreachable master (a board that boots before its network)
 * is retried; a rejected token or bad fields end the agent, since retrying cannot help.
 */
final class Enroller {
  private static final Logger LOG = Logger.getLogger(Enroller.class.getName());
  private final MasterClient master;
  private final CredentialStore store;
  private final Sleeper sleeper;

  /** Waits between retries; returns false when the agent is stopping. */
  @FunctionalInterface
  interface Sleeper {
    boolean sleep(long millis);
  }

  Enroller(MasterClient master, CredentialStore store, Sleeper sleeper) {
    this.master = master;
    this.store = store;
    this.sleeper = sleeper;
  }

  /** Enrolls and stores the credential (mode 0600) before returning it. */
  Credential enroll(EnrollRequest request, URI masterUrl) throws AgentExit {
    Enrollment enrollment = enrollWithRetries(request);
    Credential credential =
        new Credential(enrollment.node(), enrollment.credential(), masterUrl.toString());
    try {
      store.save(credential);
    } catch (IOException e) {
      throw new AgentExit(
          AgentExit.FAILURE,
          "enrolled as "
              + enrollment.node()
              + " but cannot store the credential (the join token is now used up): "
              + e);
    }
    LOG.info("enrolled as node " + enrollment.node());
    return credential;
  }

  private Enrollment enrollWithRetries(EnrollRequest request) throws AgentExit {
    long delay = 1000;
    while (true) {
      try {
        return master.enroll(request);
      } catch (Unauthorized e) {
        throw new AgentExit(
            AgentExit.UNAUTHORIZED,
            "join token rejected by the master (wrong, used or expired; make a new one with"
                + " 'mec node token'): "
                + e.getMessage());
      } catch (MasterRejected e) {
        if (e.status() < 500) {
          int code = e.status() == 409 || e.status() == 422 ? AgentExit.USAGE : AgentExit.FAILURE;
          throw new AgentExit(code, "enrollment refused: " + e.getMessage());
        }
        LOG.warning("enrollment failed, retrying: " + e.getMessage());
      } catch (IOException e) {
        LOG.warning("master unreachable for enrollment, retrying: " + e);
      }
      if (!sleeper.sleep(delay)) {
        throw new AgentExit(0, "stopped before enrollment");
      }
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

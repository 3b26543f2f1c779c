package org.mecconpaas.agent.reconcile;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.mecconpaas.agent.runtime.ContainerRuntime;

/**
 * Whether a catalog role serves, by its {@code health.sh}: checked every second until it passes,
 * every {@link #HEALTHY_INTERVAL_MILLIS} after that.
 */
final class RoleHealth {
  private static final Logger LOG = Logger.getLogger(RoleHealth.class.getName());
  static final String SCRIPT = "health.sh";
  private static final long STARTING_INTERVAL_MILLIS = 1_000;
  static final long HEALTHY_INTERVAL_MILLIS = 5_000;

  private final String id;
  private final PeriodicScript check;
  private boolean healthy;

  RoleHealth(String id, ContainerRuntime runtime, Path logFile, Runnable wake) {
    this.id = id;
    this.check = new PeriodicScript(id, runtime, logFile, wake);
  }

  boolean healthy() {
    return healthy;
  }

  /** The role is not running (any more): it is unhealthy until a check passes again. */
  void reset() {
    check.reset();
    if (healthy) {
      LOG.info(id + ": role stopped serving");
    }
    healthy = false;
  }

  void poll(String scriptPath, Map<String, String> env, long nowMillis) {
    PeriodicScript.Outcome outcome =
        check.poll(
            scriptPath,
            env,
            nowMillis,
            o -> o.passed() ? HEALTHY_INTERVAL_MILLIS : STARTING_INTERVAL_MILLIS);
    if (outcome != null && outcome.passed() != healthy) {
      healthy = outcome.passed();
      LOG.info(id + (healthy ? ": role serves" : ": role health check failing"));
    }
  }
}

package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ProcessGroups;

/**
 * Whether a catalog role serves, by its {@code health.sh} run inside the container: every second
 * until it first passes, every {@link #HEALTHY_INTERVAL_MILLIS} after that, never two at once. A
 * check that outlasts {@link #TIMEOUT_MILLIS} is killed and counts as failed. Its output is kept in
 * {@code health.log} (last check only), out of the instance's logs, which it would flood.
 */
final class RoleHealth {
  private static final Logger LOG = Logger.getLogger(RoleHealth.class.getName());
  static final String SCRIPT = "health.sh";
  private static final long STARTING_INTERVAL_MILLIS = 1_000;
  static final long HEALTHY_INTERVAL_MILLIS = 5_000;
  private static final long TIMEOUT_MILLIS = 3_000;

  private final String id;
  private final ContainerRuntime runtime;
  private final Path logFile;
  private final Runnable wake;
  private Process check;
  private long checkStartedMillis;
  private long nextCheckMillis;
  private boolean healthy;

  RoleHealth(String id, ContainerRuntime runtime, Path logFile, Runnable wake) {
    this.id = id;
    this.runtime = runtime;
    this.logFile = logFile;
    this.wake = wake;
  }

  boolean healthy() {
    return healthy;
  }

  /** The role is not running (any more): it is unhealthy until a check passes again. */
  void reset() {
    stopCheck();
    if (healthy) {
      LOG.info(id + ": role stopped serving");
    }
    healthy = false;
    nextCheckMillis = 0;
  }

  /**
   * Collects a finished check and starts the next one when due.
   *
   * @param scriptPath health.sh relative to the work directory
   * @param env the role's environment
   */
  void poll(String scriptPath, Map<String, String> env, long nowMillis) {
    if (check != null) {
      if (check.isAlive() && nowMillis - checkStartedMillis < TIMEOUT_MILLIS) {
        return;
      }
      boolean passed = !check.isAlive() && check.exitValue() == 0;
      stopCheck();
      if (passed != healthy) {
        LOG.info(id + (passed ? ": role serves" : ": role health check failing"));
      }
      healthy = passed;
      nextCheckMillis = nowMillis + (healthy ? HEALTHY_INTERVAL_MILLIS : STARTING_INTERVAL_MILLIS);
    }
    if (nowMillis < nextCheckMillis) {
      return;
    }
    try {
      Files.createDirectories(logFile.getParent());
      Files.deleteIfExists(logFile);
      check = runtime.exec(id, List.of("./" + scriptPath), env, logFile, logFile);
      checkStartedMillis = nowMillis;
      check.onExit().thenRun(wake);
    } catch (IOException e) {
      healthy = false;
      nextCheckMillis = nowMillis + STARTING_INTERVAL_MILLIS;
      LOG.warning(id + ": cannot run " + SCRIPT + ": " + e.getMessage());
    }
  }

  private void stopCheck() {
    if (check == null) {
      return;
    }
    if (check.isAlive()) {
      ProcessGroups.signal(check.pid(), "KILL");
      try {
        check.waitFor(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    check = null;
  }
}

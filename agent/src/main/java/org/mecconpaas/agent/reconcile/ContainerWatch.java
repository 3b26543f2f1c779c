package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.util.logging.Logger;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ContainerSpec;

/**
 * Whether an instance's container exists with the desired limits. This agent ensures it once (an
 * existing container is adopted, not recreated), again when the limits change, and then asks the
 * runtime at most every 10 s whether it still runs, as that may cost a process start (LXC).
 */
final class ContainerWatch {
  private static final Logger LOG = Logger.getLogger(ContainerWatch.class.getName());
  private static final long CHECK_MILLIS = 10_000;

  private final String id;
  private final ContainerRuntime runtime;
  private ContainerSpec ensuredSpec;
  private long checkedAtMillis;
  private boolean broken;

  ContainerWatch(String id, ContainerRuntime runtime) {
    this.id = id;
    this.runtime = runtime;
  }

  void ensure(ContainerSpec spec, long nowMillis) throws IOException {
    try {
      runtime.ensure(spec);
    } catch (IOException e) {
      broken = true;
      throw e;
    }
    if (ensuredSpec == null) {
      LOG.info(id + ": container ready");
    }
    broken = false;
    ensuredSpec = spec;
    checkedAtMillis = nowMillis;
  }

  boolean ready(ContainerSpec spec, long nowMillis) {
    if (ensuredSpec == null || !ensuredSpec.equals(spec)) {
      return false;
    }
    if (nowMillis - checkedAtMillis < CHECK_MILLIS) {
      return true;
    }
    checkedAtMillis = nowMillis;
    try {
      if (runtime.isRunning(id)) {
        return true;
      }
    } catch (IOException e) {
      LOG.warning(id + ": cannot check the container: " + e.getMessage());
    }
    LOG.warning(id + ": container is not running; ensuring it again");
    ensuredSpec = null;
    return false;
  }

  /** The last ensure failed: the instance is reported STOPPED. */
  boolean broken() {
    return broken;
  }

  /** This agent has ensured the container at least once. */
  boolean ensured() {
    return ensuredSpec != null;
  }
}

package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ProcessGroups;

/**
 * A role script the agent runs over and over inside the container (health.sh, metrics.sh): never
 * two at once, killed when it outlasts {@link #TIMEOUT_MILLIS}, its output kept in a file of its
 * own (last run only), out of the instance's logs, which it would flood.
 */
final class PeriodicScript {
  private static final Logger LOG = Logger.getLogger(PeriodicScript.class.getName());
  private static final long TIMEOUT_MILLIS = 3_000;
  private static final int MAX_OUTPUT_BYTES = 8192;

  /** One finished run. {@code exitCode} is -1 for a run that was killed or could not start. */
  record Outcome(int exitCode, String output) {
    boolean passed() {
      return exitCode == 0;
    }
  }

  private final String id;
  private final ContainerRuntime runtime;
  private final Path outputFile;
  private final Runnable wake;
  private Process run;
  private long startedMillis;
  private long nextRunMillis;

  PeriodicScript(String id, ContainerRuntime runtime, Path outputFile, Runnable wake) {
    this.id = id;
    this.runtime = runtime;
    this.outputFile = outputFile;
    this.wake = wake;
  }

  /**
   * Collects a finished run and starts the next one when due.
   *
   * @param scriptPath the script relative to the work directory
   * @param intervalMillis chooses the pause after an outcome (e.g. shorter after a failure)
   * @return the outcome of a run that finished now, or null
   */
  Outcome poll(
      String scriptPath,
      Map<String, String> env,
      long nowMillis,
      java.util.function.ToLongFunction<Outcome> intervalMillis) {
    Outcome finished = null;
    if (run != null) {
      if (run.isAlive() && nowMillis - startedMillis < TIMEOUT_MILLIS) {
        return null;
      }
      finished = new Outcome(run.isAlive() ? -1 : run.exitValue(), output());
      stop();
      nextRunMillis = nowMillis + intervalMillis.applyAsLong(finished);
    }
    if (nowMillis >= nextRunMillis) {
      start(scriptPath, env, nowMillis);
    }
    return finished;
  }

  private void start(String scriptPath, Map<String, String> env, long nowMillis) {
    try {
      Files.createDirectories(outputFile.getParent());
      Files.deleteIfExists(outputFile);
      run = runtime.exec(id, List.of("./" + scriptPath), env, outputFile, outputFile);
      startedMillis = nowMillis;
      run.onExit().thenRun(wake);
    } catch (IOException e) {
      nextRunMillis = nowMillis + 1_000;
      LOG.warning(id + ": cannot run " + scriptPath + ": " + e.getMessage());
    }
  }

  private String output() {
    try {
      byte[] bytes = Files.readAllBytes(outputFile);
      int length = Math.min(bytes.length, MAX_OUTPUT_BYTES);
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Kills a run in flight; the next poll starts a fresh one. */
  void stop() {
    if (run == null) {
      return;
    }
    if (run.isAlive()) {
      ProcessGroups.signal(run.pid(), "KILL");
      try {
        run.waitFor(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    run = null;
  }

  void reset() {
    stop();
    nextRunMillis = 0;
  }
}

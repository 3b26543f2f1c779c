package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ContainerUsage;

/**
 * The figures an instance reports with each heartbeat: its container's CPU (percent of one core,
 * over the time since the previous sample) and resident memory, and for a catalog role whatever its
 * {@code metrics.sh} prints as a JSON object of numbers (a proxy's request rate, latency
 * percentiles and errors), run every {@link #ROLE_INTERVAL_MILLIS}.
 */
final class InstanceMetrics {
  private static final Logger LOG = Logger.getLogger(InstanceMetrics.class.getName());
  static final String SCRIPT = "metrics.sh";
  private static final long SAMPLE_MILLIS = 2_000;
  static final long ROLE_INTERVAL_MILLIS = 5_000;

  private final String id;
  private final ContainerRuntime runtime;
  private final PeriodicScript roleScript;
  private ContainerUsage lastUsage;
  private long lastSampleMillis;
  private Map<String, Double> container = Map.of();
  private Map<String, Double> role = Map.of();

  InstanceMetrics(String id, ContainerRuntime runtime, Path outputFile, Runnable wake) {
    this.id = id;
    this.runtime = runtime;
    this.roleScript = new PeriodicScript(id, runtime, outputFile, wake);
  }

  /** Samples the container when due. */
  void sampleContainer(long nowMillis) {
    if (lastUsage != null && nowMillis - lastSampleMillis < SAMPLE_MILLIS) {
      return;
    }
    ContainerUsage usage;
    try {
      usage = runtime.usage(id).orElse(null);
    } catch (IOException e) {
      usage = null;
    }
    if (usage == null) {
      container = Map.of();
      lastUsage = null;
      return;
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    if (lastUsage != null && nowMillis > lastSampleMillis) {
      double cpuNanos = Math.max(0, usage.cpuNanos() - lastUsage.cpuNanos());
      double wallNanos = (nowMillis - lastSampleMillis) * 1_000_000.0;
      figures.put("cpuPercent", Math.round(cpuNanos / wallNanos * 1000) / 10.0);
    }
    figures.put("memoryMiB", Math.round(usage.memoryBytes() / 104857.6) / 10.0);
    container = figures;
    lastUsage = usage;
    lastSampleMillis = nowMillis;
  }

  /** Runs the role's metrics.sh when due; an unreadable output keeps the previous figures. */
  void pollRole(String scriptPath, Map<String, String> env, long nowMillis) {
    PeriodicScript.Outcome outcome =
        roleScript.poll(scriptPath, env, nowMillis, o -> ROLE_INTERVAL_MILLIS);
    if (outcome == null) {
      return;
    }
    if (!outcome.passed()) {
      LOG.fine(id + ": " + SCRIPT + " exited with " + outcome.exitCode());
      return;
    }
    try {
      Map<String, Double> figures = new LinkedHashMap<>();
      JsonMap printed = Json.parseObject(outcome.output().strip());
      for (String key : printed.keys()) {
        double value = number(printed, key);
        if (key.matches("[A-Za-z][A-Za-z0-9]{0,39}") && Double.isFinite(value)) {
          figures.put(key, value);
        }
      }
      role = figures;
    } catch (IOException | RuntimeException e) {
      LOG.fine(id + ": " + SCRIPT + " printed no JSON object: " + e.getMessage());
    }
  }

  /** A figure, or NaN for a value that is not a number (skipped, not fatal). */
  private static double number(JsonMap printed, String key) {
    try {
      return printed.doubleValue(key, Double.NaN);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  void stopRole() {
    roleScript.reset();
    role = Map.of();
  }

  /** The latest figures, container first; empty when nothing is known. */
  Map<String, Double> figures() {
    Map<String, Double> all = new LinkedHashMap<>(container);
    role.forEach(all::putIfAbsent);
    return all;
  }
}

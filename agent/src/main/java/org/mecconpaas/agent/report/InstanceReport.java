package org.mecconpaas.agent.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.logs.LogChunk;
import org.mecconpaas.agent.state.Script;

/**
 * The state of one instance at the end of a reconcile pass.
 *
 * @param codeVersion unpacked code version, null when none
 * @param message why it failed or what was refused, null when all is well
 * @param address the container's own address (lxc), null when it shares the node's
 * @param metrics latest figures: {@code cpuPercent}, {@code memoryMiB} and the role's own
 */
public record InstanceReport(
    String id,
    InstancePhase phase,
    String message,
    Integer codeVersion,
    long membershipGeneration,
    Map<Script, ScriptReport> scripts,
    String address,
    Map<String, Double> metrics) {

  public InstanceReport {
    scripts = new EnumMap<>(scripts);
    metrics = Map.copyOf(metrics);
  }

  public InstanceReport(
      String id,
      InstancePhase phase,
      String message,
      Integer codeVersion,
      long membershipGeneration,
      Map<Script, ScriptReport> scripts,
      String address) {
    this(id, phase, message, codeVersion, membershipGeneration, scripts, address, Map.of());
  }

  /** A report of an instance without an address of its own. */
  public InstanceReport(
      String id,
      InstancePhase phase,
      String message,
      Integer codeVersion,
      long membershipGeneration,
      Map<Script, ScriptReport> scripts) {
    this(id, phase, message, codeVersion, membershipGeneration, scripts, null);
  }

  public ScriptReport script(Script script) {
    return scripts.getOrDefault(script, ScriptReport.NEVER);
  }

  public Map<String, Object> toJson(LogChunk stdout, LogChunk stderr) {
    Map<String, Object> scriptsJson = new LinkedHashMap<>();
    for (Script script : Script.values()) {
      if (script.roleOnly() && !scripts.containsKey(script)) {
        continue; // a generic instance: keep its report to the five scripts users know
      }
      scriptsJson.put(script.key(), script(script).toJson());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("state", phase.name());
    json.put("message", message);
    json.put("codeVersion", codeVersion);
    if (address != null) {
      json.put("address", address);
    }
    json.put("membershipGeneration", membershipGeneration);
    json.put("scripts", scriptsJson);
    if (!metrics.isEmpty()) {
      json.put("metrics", new java.util.TreeMap<>(metrics));
    }
    json.put("logs", Map.of("stdout", stdout.toJson(), "stderr", stderr.toJson()));
    return json;
  }
}

package org.mecconpaas.agent.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.agent.desired.Commands;
import org.mecconpaas.agent.json.JsonMap;

/**
 * What the agent has done for one instance, persisted in {@code instances/<id>/state.json}.
 *
 * @param codeVersion unpacked code version; 0 when none
 * @param codeSha256 digest of the unpacked archive
 * @param initDoneVersion code version whose init.sh exited 0 (or that has no init.sh)
 * @param notifiedGeneration membership generation the scripts last saw in agents.json
 * @param handled command counters already acted on (started, refused or turned into a kill)
 * @param scripts the last start of each script
 * @param failure why the instance is FAILED, or null
 */
public record InstanceState(
    int codeVersion,
    String codeSha256,
    int initDoneVersion,
    long notifiedGeneration,
    Commands handled,
    Map<Script, ScriptRecord> scripts,
    Failure failure) {

  public static final InstanceState INITIAL =
      new InstanceState(0, null, 0, 0, Commands.NONE, Map.of(), null);

  /**
   * A failure is tied to the code it happened with, so a new upload retries and the same one does
   * not loop.
   */
  public record Failure(String codeKey, String message) {}

  public InstanceState {
    scripts = Collections.unmodifiableMap(scripts.isEmpty() ? Map.of() : new EnumMap<>(scripts));
  }

  public Optional<ScriptRecord> script(Script script) {
    return Optional.ofNullable(scripts.get(script));
  }

  public boolean isRunning(Script script) {
    return script(script).map(ScriptRecord::running).orElse(false);
  }

  public boolean anyScriptRunning() {
    return scripts.values().stream().anyMatch(ScriptRecord::running);
  }

  public InstanceState withScript(Script script, ScriptRecord record) {
    Map<Script, ScriptRecord> copy = new EnumMap<>(Script.class);
    copy.putAll(scripts);
    copy.put(script, record);
    return new InstanceState(
        codeVersion, codeSha256, initDoneVersion, notifiedGeneration, handled, copy, failure);
  }

  public InstanceState withCode(int version, String sha256) {
    return new InstanceState(
        version, sha256, initDoneVersion, notifiedGeneration, handled, scripts, failure);
  }

  public InstanceState withInitDone(int version) {
    return new InstanceState(
        codeVersion, codeSha256, version, notifiedGeneration, handled, scripts, failure);
  }

  public InstanceState withNotified(long generation) {
    return new InstanceState(
        codeVersion, codeSha256, initDoneVersion, generation, handled, scripts, failure);
  }

  public InstanceState withHandled(Commands commands) {
    return new InstanceState(
        codeVersion, codeSha256, initDoneVersion, notifiedGeneration, commands, scripts, failure);
  }

  public InstanceState withFailure(Failure newFailure) {
    return new InstanceState(
        codeVersion, codeSha256, initDoneVersion, notifiedGeneration, handled, scripts, newFailure);
  }

  public static InstanceState fromJson(JsonMap json) {
    Map<Script, ScriptRecord> scripts = new EnumMap<>(Script.class);
    JsonMap scriptsJson = json.object("scripts");
    for (String key : scriptsJson.keys()) {
      scripts.put(Script.ofKey(key), ScriptRecord.fromJson(scriptsJson.object(key)));
    }
    JsonMap failureJson = json.object("failure");
    Failure failure =
        failureJson.has("message")
            ? new Failure(failureJson.string("codeKey", ""), failureJson.string("message"))
            : null;
    return new InstanceState(
        json.intValue("codeVersion", 0),
        json.string("codeSha256", null),
        json.intValue("initDoneVersion", 0),
        json.longValue("notifiedGeneration", 0),
        Commands.fromJson(json.object("handled")),
        scripts,
        failure);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> scriptsJson = new LinkedHashMap<>();
    scripts.forEach((script, record) -> scriptsJson.put(script.key(), record.toJson()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("codeVersion", codeVersion);
    json.put("codeSha256", codeSha256);
    json.put("initDoneVersion", initDoneVersion);
    json.put("notifiedGeneration", notifiedGeneration);
    json.put("handled", handled.toJson());
    json.put("scripts", scriptsJson);
    json.put(
        "failure",
        failure == null
            ? null
            : Map.of("codeKey", failure.codeKey(), "message", failure.message()));
    return json;
  }
}

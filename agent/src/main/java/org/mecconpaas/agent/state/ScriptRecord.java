package org.mecconpaas.agent.state;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/**
 * The last start of one script. The PID and its start time are kept so a restarted agent can adopt
 * a still-running script: the start time tells a reused PID from the original process.
 *
 * @param seq the code version (init), membership generation (notify) or command counter
 * @param pid process group leader on the agent's side; 0 when nothing was started
 * @param startedAtMillis the process's start time as the OS reports it
 * @param exitCode null while running, or when the outcome is unknown
 * @param finished the process is gone
 * @param interrupted an interrupt.sh was already started while this script ran
 */
public record ScriptRecord(
    long seq,
    long pid,
    long startedAtMillis,
    Integer exitCode,
    boolean finished,
    boolean interrupted) {

  public static ScriptRecord started(long seq, long pid, long startedAtMillis) {
    return new ScriptRecord(seq, pid, startedAtMillis, null, false, false);
  }

  public ScriptRecord exited(Integer code) {
    return new ScriptRecord(seq, pid, startedAtMillis, code, true, interrupted);
  }

  /**
   * The same process, now standing for another sequence number (a role's switched code version).
   */
  public ScriptRecord withSeq(long newSeq) {
    return new ScriptRecord(newSeq, pid, startedAtMillis, exitCode, finished, interrupted);
  }

  public ScriptRecord markInterrupted() {
    return new ScriptRecord(seq, pid, startedAtMillis, exitCode, finished, true);
  }

  public boolean running() {
    return !finished;
  }

  public static ScriptRecord fromJson(JsonMap json) {
    return new ScriptRecord(
        json.longValue("seq", 0),
        json.longValue("pid", 0),
        json.longValue("startedAtMillis", 0),
        json.optionalInt("exitCode"),
        json.bool("finished", true),
        json.bool("interrupted", false));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", seq);
    json.put("pid", pid);
    json.put("startedAtMillis", startedAtMillis);
    json.put("exitCode", exitCode);
    json.put("finished", finished);
    json.put("interrupted", interrupted);
    return json;
  }
}

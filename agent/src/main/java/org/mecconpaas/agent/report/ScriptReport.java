package org.mecconpaas.agent.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.state.ScriptRecord;

/** One script's last start as reported: {@code NEVER}, {@code RUNNING} or {@code EXITED}. */
public record ScriptReport(String state, Integer exitCode, long seq) {
  public static final ScriptReport NEVER = new ScriptReport("NEVER", null, 0);

  public static ScriptReport of(ScriptRecord record) {
    if (record == null || record.pid() == 0) {
      return NEVER;
    }
    return new ScriptReport(
        record.running() ? "RUNNING" : "EXITED", record.exitCode(), record.seq());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("state", state);
    json.put("exitCode", exitCode);
    json.put("seq", seq);
    return json;
  }
}

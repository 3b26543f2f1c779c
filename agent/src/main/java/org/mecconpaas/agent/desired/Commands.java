package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.state.Script;

/**
 * Command counters. Counters rather than events make a lost or repeated heartbeat harmless: the
 * agent acts when a counter is higher than the last one it handled.
 */
public record Commands(long run, long interrupt, long cleanup) {
  public static final Commands NONE = new Commands(0, 0, 0);

  public static Commands fromJson(JsonMap json) {
    return new Commands(
        json.longValue("run", 0), json.longValue("interrupt", 0), json.longValue("cleanup", 0));
  }

  /** The counter of a command script ({@code run}, {@code interrupt}, {@code cleanup}). */
  public long get(Script script) {
    return switch (script) {
      case RUN -> run;
      case INTERRUPT -> interrupt;
      case CLEANUP -> cleanup;
      default -> throw new IllegalArgumentException(script + " is not a command");
    };
  }

  public Commands with(Script script, long value) {
    return switch (script) {
      case RUN -> new Commands(value, interrupt, cleanup);
      case INTERRUPT -> new Commands(run, value, cleanup);
      case CLEANUP -> new Commands(run, interrupt, value);
      default -> throw new IllegalArgumentException(script + " is not a command");
    };
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", run);
    json.put("interrupt", interrupt);
    json.put("cleanup", cleanup);
    return json;
  }
}

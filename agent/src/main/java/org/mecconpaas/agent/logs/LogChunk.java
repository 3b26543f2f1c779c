package org.mecconpaas.agent.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Log text from {@code offset} (in bytes of the log file) up to, not including, {@code nextOffset}.
 * The text is cut on a UTF-8 character boundary, so {@code nextOffset - offset} may be smaller than
 * the limit; invalid bytes appear as U+FFFD, which is why the byte count is sent explicitly.
 */
public record LogChunk(long offset, String data, long nextOffset) {

  public static LogChunk empty(long offset) {
    return new LogChunk(offset, "", offset);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("offset", offset);
    json.put("data", data);
    json.put("nextOffset", nextOffset);
    return json;
  }
}

package org.mecconpaas.agent.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.state.AtomicFiles;

/**
 * The log offsets the master acknowledged, per instance and stream, kept in {@code
 * <state-dir>/log-offsets.json} so a restarted agent does not send old log text again.
 */
public final class LogOffsetStore {
  /** Acknowledged byte offsets of one instance's two streams. */
  public record Offsets(long stdout, long stderr) {
    public static final Offsets START = new Offsets(0, 0);
  }

  private final Path file;
  private final Map<String, Offsets> offsets = new ConcurrentHashMap<>();

  public LogOffsetStore(Path stateDir) throws IOException {
    this.file = stateDir.resolve("log-offsets.json");
    if (Files.exists(file)) {
      JsonMap json = Json.parseObject(Files.readAllBytes(file));
      for (String id : json.keys()) {
        JsonMap streams = json.object(id);
        offsets.put(
            id, new Offsets(streams.longValue("stdout", 0), streams.longValue("stderr", 0)));
      }
    }
  }

  public Offsets get(String id) {
    return offsets.getOrDefault(id, Offsets.START);
  }

  /**
   * Takes the master's acknowledgements, forgets instances no longer reported, and saves when
   * anything changed.
   */
  public void update(Map<String, Offsets> acknowledged, Set<String> reportedIds)
      throws IOException {
    Map<String, Offsets> next = new LinkedHashMap<>();
    for (String id : reportedIds) {
      next.put(id, acknowledged.getOrDefault(id, get(id)));
    }
    if (next.equals(offsets)) {
      return;
    }
    offsets.clear();
    offsets.putAll(next);
    Map<String, Object> json = new LinkedHashMap<>();
    next.forEach((id, o) -> json.put(id, Map.of("stdout", o.stdout(), "stderr", o.stderr())));
    AtomicFiles.write(file, Json.writeBytes(json));
  }
}

package org.mecconpaas.agent.desired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.state.AtomicFiles;

/** {@code <state-dir>/desired.json}, rewritten atomically whenever the desired state changes. */
public final class DesiredStateStore {
  private final Path file;
  private DesiredState saved;

  public DesiredStateStore(Path stateDir) {
    this.file = stateDir.resolve("desired.json");
  }

  /** The last saved state; empty on the very first start. */
  public Optional<DesiredState> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      saved = DesiredState.fromJson(Json.parseObject(Files.readAllBytes(file)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return Optional.of(saved);
  }

  /** Writes the state unless it equals the one on disk. */
  public void save(DesiredState state) throws IOException {
    if (state.equals(saved)) {
      return;
    }
    AtomicFiles.write(file, Json.writeBytes(state.toJson()));
    saved = state;
  }
}

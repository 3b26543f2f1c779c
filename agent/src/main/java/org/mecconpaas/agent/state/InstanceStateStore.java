package org.mecconpaas.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mecconpaas.agent.json.Json;

/** {@code <state-dir>/instances/<id>/}: the instance's {@code state.json} and its two log files. */
public final class InstanceStateStore {
  private final Path root;

  public InstanceStateStore(Path stateDir) {
    this.root = stateDir.resolve("instances");
  }

  public Path dir(String id) {
    return root.resolve(id);
  }

  public Path stdout(String id) {
    return dir(id).resolve("stdout.log");
  }

  public Path stderr(String id) {
    return dir(id).resolve("stderr.log");
  }

  /** The saved state, or {@link InstanceState#INITIAL} for an instance never seen. */
  public InstanceState load(String id) throws IOException {
    Path file = dir(id).resolve("state.json");
    if (!Files.exists(file)) {
      return InstanceState.INITIAL;
    }
    try {
      return InstanceState.fromJson(Json.parseObject(Files.readAllBytes(file)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public void save(String id, InstanceState state) throws IOException {
    AtomicFiles.write(dir(id).resolve("state.json"), Json.writeBytes(state.toJson()));
  }

  /** Deletes the state and the logs of an instance that is gone for good. */
  public void delete(String id) throws IOException {
    FileTrees.delete(dir(id));
  }

  /** Ids that have state on disk. */
  public Set<String> ids() throws IOException {
    Set<String> ids = new TreeSet<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.filter(Files::isDirectory).forEach(d -> ids.add(d.getFileName().toString()));
      }
    }
    return ids;
  }
}

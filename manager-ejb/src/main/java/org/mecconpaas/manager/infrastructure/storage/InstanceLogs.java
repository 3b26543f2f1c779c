package org.mecconpaas.manager.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;

/**
 * The master's copy of each instance's stdout and stderr, under {@code
 * <data-dir>/logs/<instance>/}. Agents send what was appended since the offset the master
 * acknowledged; a chunk that overlaps what is already stored (a repeated heartbeat) is trimmed, so
 * nothing is written twice.
 */
@ApplicationScoped
public class InstanceLogs {
  public static final Set<String> STREAMS = Set.of("stdout", "stderr");
  private static final int TAIL_READ_BYTES = 256 * 1024;

  private Path root;

  protected InstanceLogs() {}

  @Inject
  public InstanceLogs(MasterSettings settings) {
    this(settings.dataDir());
  }

  public InstanceLogs(Path dataDir) {
    this.root = dataDir.resolve("logs");
  }

  /**
   * Appends the part of {@code data} (which starts at {@code offset} of the agent's log) that is
   * not stored yet.
   *
   * @return the stored length, which the agent takes as its next offset
   */
  public synchronized long append(String instance, String stream, long offset, String data) {
    Path file = file(instance, stream);
    try {
      Files.createDirectories(file.getParent());
      long stored = Files.exists(file) ? Files.size(file) : 0;
      byte[] bytes = data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8);
      long skip = Math.max(0, stored - offset);
      if (skip < bytes.length) {
        try (OutputStream out =
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
          out.write(bytes, (int) skip, bytes.length - (int) skip);
        }
        stored += bytes.length - skip;
      }
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException("could not store logs of " + instance, e);
    }
  }

  /** The last {@code lines} lines of a stream, empty when nothing was logged. */
  public String tail(String instance, String stream, int lines) {
    Path file = file(instance, stream);
    if (!Files.exists(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - TAIL_READ_BYTES);
      byte[] buffer = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(buffer);
      Deque<String> last = new ArrayDeque<>();
      for (String line : new String(buffer, StandardCharsets.UTF_8).split("\n", -1)) {
        last.addLast(line);
        if (last.size() > lines + 1) {
          last.removeFirst();
        }
      }
      if (!last.isEmpty() && last.peekLast().isEmpty()) {
        last.removeLast();
      }
      while (last.size() > lines) {
        last.removeFirst();
      }
      return last.isEmpty() ? "" : String.join("\n", last) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("could not read logs of " + instance, e);
    }
  }

  /** The whole stream as a file, for downloads; it may not exist yet. */
  public Path file(String instance, String stream) {
    if (!STREAMS.contains(stream) || instance.contains("/") || instance.contains("..")) {
      throw new IllegalArgumentException("no such log: " + instance + "/" + stream);
    }
    return root.resolve(instance).resolve(stream + ".log");
  }
}

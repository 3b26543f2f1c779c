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
   * Appends a chunk unless it was stored already: the agent resends chunks the master did not
   * acknowledge, and the master remembers the agent's offset it acknowledged last (agent-side byte
   * offsets can differ from the stored text's, e.g. after invalid UTF-8 was replaced).
   *
   * @param offset where the chunk starts in the agent's log
   * @param nextOffset where the agent's log ends after this chunk
   * @return the offset to acknowledge: the agent sends from there next time
   */
  public synchronized long append(
      String instance, String stream, long offset, long nextOffset, String data) {
    Path file = file(instance, stream);
    Path acknowledged = file.resolveSibling(stream + ".offset");
    try {
      Files.createDirectories(file.getParent());
      long acked =
          Files.exists(acknowledged) ? Long.parseLong(Files.readString(acknowledged).trim()) : 0;
      if (nextOffset <= acked) {
        return acked;
      }
      byte[] bytes = data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8);
      // a chunk resent from an older offset (the acknowledgement was lost) holds a stored part
      int skip = (int) Math.min(bytes.length, Math.max(0, acked - offset));
      if (skip < bytes.length) {
        try (OutputStream out =
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
          out.write(bytes, skip, bytes.length - skip);
        }
      }
      Files.writeString(acknowledged, Long.toString(nextOffset));
      return nextOffset;
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("could not store logs of " + instance, e);
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

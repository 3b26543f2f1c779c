package org.mecconpaas.agent.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads bounded chunks of a growing log file. */
public final class LogReader {
  /** At most this many bytes per stream per heartbeat (the protocol's limit). */
  public static final int MAX_CHUNK_BYTES = 64 * 1024;

  private LogReader() {}

  /**
   * What the file holds from {@code offset} on, at most {@code limit} bytes. An offset past the end
   * (the file was truncated) restarts at the end, so the master never waits for bytes that will not
   * come.
   */
  public static LogChunk read(Path file, long offset, int limit) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long start = Math.max(0, Math.min(offset, size));
      int length = (int) Math.min(limit, size - start);
      if (length <= 0) {
        return LogChunk.empty(start);
      }
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
        // keep reading until full or end of file
      }
      byte[] bytes = buffer.array();
      int usable = utf8Boundary(bytes, buffer.position());
      return new LogChunk(start, decode(bytes, usable), start + usable);
    } catch (NoSuchFileException e) {
      return LogChunk.empty(0);
    }
  }

  /**
   * How many of the {@code length} bytes end on a character boundary: a trailing partial UTF-8
   * sequence (cut by the limit, or still being written) is left for the next chunk.
   */
  static int utf8Boundary(byte[] bytes, int length) {
    int start = length - 1;
    // walk back over at most 3 continuation bytes (10xxxxxx) to the lead byte
    while (start >= 0 && length - start <= 4 && (bytes[start] & 0xC0) == 0x80) {
      start--;
    }
    if (start < 0 || length - start > 4) {
      return length;
    }
    int lead = bytes[start] & 0xFF;
    int needed = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return length - start >= needed ? length : start;
  }

  private static String decode(byte[] bytes, int length) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
  }
}

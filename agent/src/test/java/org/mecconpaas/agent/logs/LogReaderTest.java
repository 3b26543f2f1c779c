package org.mecconpaas.agent.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  @TempDir Path temp;

  @Test
  void readsFromTheAcknowledgedOffsetUpToTheLimit() throws IOException {
    Path log = Files.writeString(temp.resolve("stdout.log"), "hello\nworld\n");
    assertEquals(new LogChunk(0, "hello\nworld\n", 12), LogReader.read(log, 0, 64));
    assertEquals(new LogChunk(6, "world\n", 12), LogReader.read(log, 6, 64));
    assertEquals(new LogChunk(6, "wor", 9), LogReader.read(log, 6, 3));
    assertEquals(LogChunk.empty(12), LogReader.read(log, 12, 64));
  }

  @Test
  void atMost64KiBPerStreamPerHeartbeat() throws IOException {
    Path log = Files.write(temp.resolve("big.log"), new byte[100 * 1024]);
    LogChunk first = LogReader.read(log, 0, LogReader.MAX_CHUNK_BYTES);
    assertEquals(65536, first.nextOffset());
    LogChunk second = LogReader.read(log, first.nextOffset(), LogReader.MAX_CHUNK_BYTES);
    assertEquals(100 * 1024, second.nextOffset());
  }

  @Test
  void aCharacterCutByTheLimitWaitsForTheNextChunk() throws IOException {
    Path log = Files.writeString(temp.resolve("utf8.log"), "ab€c", StandardCharsets.UTF_8);
    // '€' is 3 bytes (offsets 2..4): a limit of 4 must not split it
    LogChunk first = LogReader.read(log, 0, 4);
    assertEquals(new LogChunk(0, "ab", 2), first);
    assertEquals(new LogChunk(2, "€c", 6), LogReader.read(log, 2, 64));
  }

  @Test
  void truncatedOrMissingFilesDoNotStallTheStream() throws IOException {
    Path log = Files.writeString(temp.resolve("short.log"), "abc");
    assertEquals(LogChunk.empty(3), LogReader.read(log, 10, 64));
    assertEquals(LogChunk.empty(0), LogReader.read(temp.resolve("none.log"), 5, 64));
  }

  @Test
  void acknowledgedOffsetsSurviveARestart() throws IOException {
    LogOffsetStore store = new LogOffsetStore(temp);
    store.update(
        java.util.Map.of("s1-a-0", new LogOffsetStore.Offsets(12, 3)), Set.of("s1-a-0", "s1-b-0"));
    LogOffsetStore reloaded = new LogOffsetStore(temp);
    assertEquals(new LogOffsetStore.Offsets(12, 3), reloaded.get("s1-a-0"));
    assertEquals(LogOffsetStore.Offsets.START, reloaded.get("s1-b-0"));
    reloaded.update(java.util.Map.of(), Set.of("s1-b-0"));
    assertEquals(LogOffsetStore.Offsets.START, new LogOffsetStore(temp).get("s1-a-0"));
  }
}

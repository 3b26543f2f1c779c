package org.mecconpaas.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsReaderTest {
  private static final String MEMINFO =
      "MemTotal:        1024000 kB\nMemFree:          100000 kB\nMemAvailable:     512000 kB\n";
  private static final String NET_DEV =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n"
          + "    lo: 9999 10 0 0 0 0 0 0 9999 10 0 0 0 0 0 0\n"
          + "  eth0: 1000 10 0 0 0 0 0 0 2000 20 0 0 0 0 0 0\n"
          + "mec-h1: 300 3 0 0 0 0 0 0 400 4 0 0 0 0 0 0\n";

  @TempDir Path temp;

  @Test
  void parsesProcFiles() {
    assertEquals(0.42, MetricsReader.parseLoad("0.42 0.30 0.10 1/123 4567\n"));
    assertEquals(512000L, MetricsReader.parseMemInfo(MEMINFO).get("MemAvailable"));
    assertArrayEquals(new long[] {1300, 2400}, MetricsReader.parseNetDev(NET_DEV));
  }

  @Test
  void samplesAFakeProc() throws IOException {
    Path proc = Files.createDirectories(temp.resolve("proc"));
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("loadavg"), "2.00 1.00 0.50 1/100 999\n");
    Files.writeString(proc.resolve("meminfo"), MEMINFO);
    Files.writeString(proc.resolve("net/dev"), NET_DEV);
    NodeMetrics metrics = new MetricsReader(proc, temp).sample();
    assertEquals(2.0 / Runtime.getRuntime().availableProcessors(), metrics.cpuLoad(), 1e-9);
    assertEquals(1000, metrics.memoryTotalMiB());
    assertEquals(500, metrics.memoryUsedMiB());
    assertEquals(1300, metrics.netRxBytes());
    assertTrue(metrics.diskFreeMiB() > 0);
  }

  @Test
  void missingSourcesReadAsZero() {
    NodeMetrics metrics = new MetricsReader(temp.resolve("nothing"), temp).sample();
    assertEquals(0, metrics.memoryTotalMiB());
    assertEquals(0, metrics.netTxBytes());
  }
}

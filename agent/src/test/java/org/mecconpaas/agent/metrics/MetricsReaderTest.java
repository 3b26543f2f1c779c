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
    NodeMetrics metrics = new MetricsReader(proc, temp, unconfined()).sample();
    assertEquals(2.0 / Runtime.getRuntime().availableProcessors(), metrics.cpuLoad(), 1e-9);
    assertEquals(1000, metrics.memoryTotalMiB());
    assertEquals(500, metrics.memoryUsedMiB());
    assertEquals(1300, metrics.netRxBytes());
    assertTrue(metrics.diskFreeMiB() > 0);
  }

  @Test
  void missingSourcesReadAsZero() {
    NodeMetrics metrics = new MetricsReader(temp.resolve("nothing"), temp, unconfined()).sample();
    assertEquals(0, metrics.memoryTotalMiB());
    assertEquals(0, metrics.netTxBytes());
  }

  /** An agent at the roots of its hierarchies: no limits of its own. */
  private CgroupLimits unconfined() {
    return CgroupLimits.ofSelf(temp.resolve("no-cgroups"), "4:memory:/\n1:cpu:/\n");
  }

  @Test
  void aConfinedBoardReportsItsOwnCgroupsNotTheHost() throws Exception {
    Path proc = Files.createDirectories(temp.resolve("proc"));
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("loadavg"), "9.00 1.00 0.50 1/100 999\n");
    Files.writeString(proc.resolve("meminfo"), MEMINFO);
    Files.writeString(proc.resolve("net/dev"), NET_DEV);
    Path root = temp.resolve("cgroup");
    Path memory = Files.createDirectories(root.resolve("memory/mec-n1"));
    Files.writeString(memory.resolve("memory.limit_in_bytes"), "524288000\n"); // 500 MiB
    Files.writeString(memory.resolve("memory.usage_in_bytes"), "209715200\n"); // 200 MiB
    Files.writeString(memory.resolve("memory.stat"), "cache 1\ntotal_inactive_file 52428800\n");
    Path cpu = Files.createDirectories(root.resolve("cpu/mec-n1"));
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "50000\n");
    Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000\n");
    Files.writeString(cpu.resolve("cgroup.procs"), "41\n");
    Path container = Files.createDirectories(cpu.resolve("mec/n1/s1-web-0"));
    Files.writeString(container.resolve("cgroup.procs"), "42\n");
    writeStat(proc, 41, 100, 20);
    writeStat(proc, 42, 300, 80);
    MetricsReader reader =
        new MetricsReader(
            proc, temp, CgroupLimits.ofSelf(root, "4:memory:/mec-n1\n3:cpu:/mec-n1\n"));

    NodeMetrics first = reader.sample();
    assertEquals(500, first.memoryTotalMiB());
    assertEquals(150, first.memoryUsedMiB(), "usage less the inactive page cache");
    assertEquals(0.0, first.cpuLoad(), "no interval yet");

    writeStat(proc, 42, 300 + 1000, 80); // the container used 10 s of CPU since
    Thread.sleep(50);
    NodeMetrics second = reader.sample();
    assertTrue(second.cpuLoad() > 1.0, "more than its half-core quota: " + second.cpuLoad());
  }

  private static void writeStat(Path proc, long pid, long utime, long stime) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    // fields after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt
    // cmajflt utime stime ...
    Files.writeString(
        dir.resolve("stat"),
        pid + " (sh (x)) S 1 " + pid + " 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0\n");
  }
}

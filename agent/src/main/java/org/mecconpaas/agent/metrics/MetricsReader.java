package org.mecconpaas.agent.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Samples {@link NodeMetrics}; a missing source reads as 0 rather than failing the heartbeat. */
public final class MetricsReader {
  private final Path proc;
  private final Path stateDir;
  private final CgroupLimits board;
  private long lastCpuNanos = -1;
  private long lastSampleNanos;

  public MetricsReader(Path stateDir) {
    this(Path.of("/proc"), stateDir, CgroupLimits.ofThisProcess());
  }

  MetricsReader(Path proc, Path stateDir, CgroupLimits board) {
    this.proc = proc;
    this.stateDir = stateDir;
    this.board = board;
  }

  /**
   * The board's figures: from its own cgroups when the agent runs confined (an emulated board, a
   * board whose agent runs in a slice with limits), else from the host's {@code /proc}.
   */
  public NodeMetrics sample() {
    Map<String, Long> memInfo = parseMemInfo(read("meminfo"));
    long totalKiB = memInfo.getOrDefault("MemTotal", 0L);
    long availableKiB = memInfo.getOrDefault("MemAvailable", memInfo.getOrDefault("MemFree", 0L));
    long usedMiB = (totalKiB - availableKiB) / 1024;
    long totalMiB = totalKiB / 1024;
    java.util.OptionalLong limit = board.memoryLimitBytes(totalKiB * 1024);
    java.util.OptionalLong used = board.memoryUsedBytes();
    if (limit.isPresent() && used.isPresent()) {
      totalMiB = limit.getAsLong() / (1024 * 1024);
      usedMiB = used.getAsLong() / (1024 * 1024);
    }
    long[] net = parseNetDev(read("net/dev"));
    return new NodeMetrics(cpuLoad(), usedMiB, totalMiB, diskFreeMiB(), net[0], net[1]);
  }

  /**
   * Load as a share of the board's CPU: with a CFS quota, the members' CPU time since the last
   * sample over the quota (1.0 = the quota used up); without one, the load average per core.
   */
  private double cpuLoad() {
    java.util.Optional<Double> quota = board.cpuQuotaCores();
    java.util.OptionalLong usage = quota.isPresent() ? board.cpuUsageNanos(proc) : null;
    if (quota.isEmpty() || usage == null || usage.isEmpty()) {
      return parseLoad(read("loadavg")) / Runtime.getRuntime().availableProcessors();
    }
    long now = System.nanoTime();
    double load = 0;
    if (lastCpuNanos >= 0 && now > lastSampleNanos) {
      double used = Math.max(0, usage.getAsLong() - lastCpuNanos);
      load = used / (now - lastSampleNanos) / quota.get();
    }
    lastCpuNanos = usage.getAsLong();
    lastSampleNanos = now;
    return Math.round(load * 100) / 100.0;
  }

  /** MemTotal from /proc/meminfo in MiB; the default for {@code --memory-mib}. */
  public long memoryTotalMiB() {
    return parseMemInfo(read("meminfo")).getOrDefault("MemTotal", 0L) / 1024;
  }

  /** The 1-minute load average from {@code /proc/loadavg}. */
  static double parseLoad(String loadavg) {
    String[] fields = loadavg.trim().split("\\s+");
    try {
      return Double.parseDouble(fields[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code /proc/meminfo} as name to KiB. */
  static Map<String, Long> parseMemInfo(String meminfo) {
    Map<String, Long> values = new TreeMap<>();
    for (String line : meminfo.split("\n")) {
      String[] fields = line.trim().split("[:\\s]+");
      if (fields.length >= 2 && fields[1].matches("\\d+")) {
        values.put(fields[0], Long.parseLong(fields[1]));
      }
    }
    return values;
  }

  /** Received and sent bytes summed over all interfaces except {@code lo}. */
  static long[] parseNetDev(String netDev) {
    long rx = 0;
    long tx = 0;
    for (String line : netDev.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.substring(0, colon).trim().equals("lo")) {
        continue;
      }
      String[] fields = line.substring(colon + 1).trim().split("\\s+");
      if (fields.length >= 9) {
        rx += Long.parseLong(fields[0]);
        tx += Long.parseLong(fields[8]);
      }
    }
    return new long[] {rx, tx};
  }

  private long diskFreeMiB() {
    try {
      return Files.getFileStore(stateDir).getUsableSpace() / (1024 * 1024);
    } catch (IOException e) {
      return 0;
    }
  }

  private String read(String name) {
    try {
      return Files.readString(proc.resolve(name));
    } catch (IOException e) {
      return "";
    }
  }
}

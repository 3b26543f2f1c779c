package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The CPU and memory limits a process really runs under: its cgroup v1 {@code cpu} and {@code
 * memory} groups from {@code /proc/<pid>/cgroup}, and the tightest limit on the way from them up to
 * the root. What the benchmark prints to show what "Pi 3 profile" and "unlimited" meant.
 */
final class CgroupLimits {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private CgroupLimits() {}

  /** E.g. {@code cpu /mec-n2 = 1.00 CPU, memory /mec-n2 = 1024 MiB}; a note if unreadable. */
  static String of(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
      String cpu = group(lines, "cpu");
      String memory = group(lines, "memory");
      return String.format(
          Locale.ROOT,
          "cpu %s = %s, memory %s = %s",
          cpu,
          cpuLimit(cpu),
          memory,
          memoryLimit(memory));
    } catch (IOException | RuntimeException e) {
      return "limits unreadable (" + e.getMessage() + ")";
    }
  }

  private static String group(List<String> lines, String controller) {
    for (String line : lines) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3 && List.of(fields[1].split(",")).contains(controller)) {
        return fields[2];
      }
    }
    throw new IllegalStateException("no " + controller + " cgroup");
  }

  private static String cpuLimit(String group) throws IOException {
    double cpus = Double.POSITIVE_INFINITY;
    for (Path dir = ROOT.resolve("cpu" + group); dir.startsWith(ROOT.resolve("cpu")); ) {
      long quota = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_quota_us")).trim());
      long period = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_period_us")).trim());
      if (quota > 0) {
        cpus = Math.min(cpus, quota / (double) period);
      }
      dir = dir.getParent();
    }
    return Double.isInfinite(cpus) ? "no CPU limit" : String.format(Locale.ROOT, "%.2f CPU", cpus);
  }

  private static String memoryLimit(String group) throws IOException {
    long bytes = Long.MAX_VALUE;
    for (Path dir = ROOT.resolve("memory" + group); dir.startsWith(ROOT.resolve("memory")); ) {
      bytes =
          Math.min(
              bytes, Long.parseLong(Files.readString(dir.resolve("memory.limit_in_bytes")).trim()));
      dir = dir.getParent();
    }
    // v1 reports "no limit" as a huge page-aligned number
    return bytes >= (1L << 50) ? "no memory limit" : (bytes >> 20) + " MiB";
  }
}

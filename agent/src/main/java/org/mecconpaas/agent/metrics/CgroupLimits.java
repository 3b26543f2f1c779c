package org.mecconpaas.agent.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The board as its own cgroup v1 groups describe it, when the agent runs confined (an emulated
 * Raspberry Pi is a cgroup holding its agent and containers): its memory limit and use, and its CPU
 * quota and time used. Host-wide figures would show every emulated board the whole machine.
 */
final class CgroupLimits {
  private final Path memory;
  private final Path cpu;

  private CgroupLimits(Path memory, Path cpu) {
    this.memory = memory;
    this.cpu = cpu;
  }

  /** The agent's own groups under {@code root}, from {@code /proc/self/cgroup}'s text. */
  static CgroupLimits ofSelf(Path root, String procSelfCgroup) {
    return new CgroupLimits(
        below(root.resolve("memory"), group(procSelfCgroup, "memory")),
        below(root.resolve("cpu"), group(procSelfCgroup, "cpu")));
  }

  static CgroupLimits ofThisProcess() {
    String self;
    try {
      self = Files.readString(Path.of("/proc/self/cgroup"));
    } catch (IOException e) {
      self = "";
    }
    return ofSelf(Path.of("/sys/fs/cgroup"), self);
  }

  private static String group(String procSelfCgroup, String controller) {
    for (String line : procSelfCgroup.split("\n")) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3 && java.util.List.of(fields[1].split(",")).contains(controller)) {
        return fields[2].strip();
      }
    }
    return "/";
  }

  private static Path below(Path hierarchy, String group) {
    String relative = group.replaceFirst("^/+", "");
    return relative.isEmpty() ? hierarchy : hierarchy.resolve(relative);
  }

  /** The memory limit in bytes, when one below {@code hostBytes} is set. */
  OptionalLong memoryLimitBytes(long hostBytes) {
    OptionalLong limit = number(memory.resolve("memory.limit_in_bytes"));
    return limit.isPresent() && limit.getAsLong() > 0 && limit.getAsLong() < hostBytes
        ? limit
        : OptionalLong.empty();
  }

  /** Memory in use without the page cache the kernel drops first (as {@code free} counts it). */
  OptionalLong memoryUsedBytes() {
    OptionalLong usage = number(memory.resolve("memory.usage_in_bytes"));
    if (usage.isEmpty()) {
      return usage;
    }
    long inactiveFile = stat(memory.resolve("memory.stat")).getOrDefault("total_inactive_file", 0L);
    return OptionalLong.of(Math.max(0, usage.getAsLong() - inactiveFile));
  }

  /** The CPU quota in cores (e.g. 1.0 for a Pi 3 profile), when one is set. */
  Optional<Double> cpuQuotaCores() {
    OptionalLong quota = number(cpu.resolve("cpu.cfs_quota_us"));
    OptionalLong period = number(cpu.resolve("cpu.cfs_period_us"));
    if (quota.isEmpty() || period.isEmpty() || quota.getAsLong() <= 0) {
      return Optional.empty();
    }
    return Optional.of((double) quota.getAsLong() / period.getAsLong());
  }

  /**
   * CPU time used so far by the live processes of the group and the groups below it (the board's
   * containers), in nanoseconds. cpuacct is not always mounted with cpu, so this sums {@code
   * /proc/<pid>/stat} over the members; processes that ended take their time with them, which a
   * load figure can live with.
   */
  OptionalLong cpuUsageNanos(Path proc) {
    if (!Files.isDirectory(cpu)) {
      return OptionalLong.empty();
    }
    long ticks = 0;
    try (java.util.stream.Stream<Path> walk = Files.walk(cpu)) {
      for (Path procs : walk.filter(p -> p.endsWith("cgroup.procs")).toList()) {
        for (String pid : Files.readAllLines(procs)) {
          ticks += ticksOf(proc.resolve(pid.strip()).resolve("stat"));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(ticks * 10_000_000L); // USER_HZ 100
  }

  private static long ticksOf(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // ended meanwhile
    }
  }

  private static OptionalLong number(Path file) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Map<String, Long> stat(Path file) {
    Map<String, Long> values = new java.util.HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.split(" ");
        if (fields.length == 2 && fields[1].matches("\\d+")) {
          values.put(fields[0], Long.parseLong(fields[1]));
        }
      }
    } catch (IOException e) {
      // no stat: count everything as used
    }
    return values;
  }
}

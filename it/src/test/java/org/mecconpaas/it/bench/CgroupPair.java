package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cgroup v1 {@code cpu} + {@code memory} pair of the benchmark's own, for the bare daemons: the
 * same CFS quota and memory limit as the agent gives a platform instance (and the same 100 ms
 * period), the CPU quota switchable off for the unlimited comparison. Also reads the limits a
 * platform process really runs under, the tightest on its way up to the root.
 */
final class CgroupPair {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final long PERIOD_MICROS = 100_000;

  /** CPU in thousandths of a core and memory; 0 means no limit. */
  record Limits(int cpuMillis, int memoryMiB) {
    @Override
    public String toString() {
      return (cpuMillis == 0
              ? "no CPU limit"
              : String.format(Locale.ROOT, "%.2f CPU", cpuMillis / 1000.0))
          + ", "
          + (memoryMiB == 0 ? "no memory limit" : memoryMiB + " MiB");
    }
  }

  private final Path cpu;
  private final Path memory;

  private CgroupPair(Path cpu, Path memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  /** Creates {@code cpu/<group>} and {@code memory/<group>} (and their parents) with the limits. */
  static CgroupPair create(String group, Limits limits) throws IOException {
    CgroupPair pair =
        new CgroupPair(
            Files.createDirectories(ROOT.resolve("cpu").resolve(group)),
            Files.createDirectories(ROOT.resolve("memory").resolve(group)));
    Files.writeString(pair.cpu.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
    pair.limitCpu(limits.cpuMillis());
    long bytes = limits.memoryMiB() <= 0 ? -1 : limits.memoryMiB() * 1024L * 1024L;
    Files.writeString(pair.memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
    return pair;
  }

  /** Whether this machine has the v1 hierarchies and lets us write them (root). */
  static boolean usable() {
    return Files.isWritable(ROOT.resolve("cpu").resolve("cgroup.procs"))
        && Files.isWritable(ROOT.resolve("memory").resolve("cgroup.procs"));
  }

  /** Sets the CFS quota; 0 lifts it. Takes effect at once for the members. */
  void limitCpu(int millis) throws IOException {
    long quota = millis <= 0 ? -1 : Math.max(1000, millis * PERIOD_MICROS / 1000);
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
  }

  /** The files a process writes its PID to, to join both groups. */
  List<Path> procsFiles() {
    return List.of(cpu.resolve("cgroup.procs"), memory.resolve("cgroup.procs"));
  }

  Set<Long> pids() {
    Set<Long> pids = new TreeSet<>();
    for (Path procs : procsFiles()) {
      try {
        Files.readAllLines(procs).stream()
            .filter(line -> !line.isBlank())
            .forEach(line -> pids.add(Long.parseLong(line.strip())));
      } catch (IOException e) {
        // removed already
      }
    }
    return pids;
  }

  /**
   * Kills what is still in the groups (by PID: only the bare daemons ever joined them) and removes
   * both; a killed process leaves its group once reaped, hence the retries.
   */
  void remove() throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      boolean gone = true;
      for (Path group : List.of(cpu, memory)) {
        try {
          Files.deleteIfExists(group);
        } catch (IOException e) {
          gone = false;
        }
      }
      if (gone) {
        return;
      }
      Thread.sleep(50);
    }
    System.err.println("bench: could not remove the cgroups " + cpu + " and " + memory);
  }

  /** Removes {@code cpu/<group>} and {@code memory/<group>} once their children are gone. */
  static void removeParent(String group) {
    for (String controller : List.of("cpu", "memory")) {
      try {
        Files.deleteIfExists(ROOT.resolve(controller).resolve(group));
      } catch (IOException e) {
        System.err.println("bench: could not remove the cgroup " + controller + "/" + group);
      }
    }
  }

  /** The CPU quota and memory limit process {@code pid} runs under (tightest up to the root). */
  static Limits of(long pid) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
    double cpus = Double.POSITIVE_INFINITY;
    for (Path dir = dir(lines, "cpu"); dir.startsWith(ROOT.resolve("cpu")); dir = dir.getParent()) {
      long quota = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_quota_us")).strip());
      long period = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_period_us")).strip());
      cpus = quota > 0 ? Math.min(cpus, quota / (double) period) : cpus;
    }
    long bytes = Long.MAX_VALUE;
    for (Path dir = dir(lines, "memory");
        dir.startsWith(ROOT.resolve("memory"));
        dir = dir.getParent()) {
      long limit = Long.parseLong(Files.readString(dir.resolve("memory.limit_in_bytes")).strip());
      bytes = Math.min(bytes, limit);
    }
    // v1 reports "no limit" as a huge page-aligned number
    return new Limits(
        Double.isInfinite(cpus) ? 0 : (int) Math.round(cpus * 1000),
        bytes >= (1L << 50) ? 0 : (int) (bytes >> 20));
  }

  /** The process's group directory in the hierarchy of {@code controller}. */
  private static Path dir(List<String> procCgroup, String controller) {
    for (String line : procCgroup) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3 && List.of(fields[1].split(",")).contains(controller)) {
        return ROOT.resolve(controller).resolve(fields[2].replaceFirst("^/+", ""));
      }
    }
    throw new IllegalStateException("no " + controller + " cgroup in " + procCgroup);
  }
}

package org.mecconpaas.agent.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-container groups {@code <root>/{cpu,memory}/<agent's own group>/mec/<node>/<container>}.
 * Below the agent's own group, so that a board's limits (an emulated board's cgroup holds its
 * agent) cover its containers too, and pulling the board's plug kills them. The node name is in the
 * path because the test bed runs several agents on one host.
 */
final class CgroupV1 {
  private static final long CFS_PERIOD_US = 100_000;
  private final Path cpuRoot;
  private final Path memoryRoot;

  private CgroupV1(Path root, String ownCpuGroup, String ownMemoryGroup) {
    this.cpuRoot = below(root.resolve("cpu"), ownCpuGroup);
    this.memoryRoot = below(root.resolve("memory"), ownMemoryGroup);
  }

  private static Path below(Path hierarchy, String group) {
    String relative = group.replaceFirst("^/+", "");
    return relative.isEmpty() ? hierarchy : hierarchy.resolve(relative);
  }

  /**
   * This process's group in the v1 hierarchy holding {@code controller}, from {@code
   * /proc/self/cgroup} (e.g. {@code 4:memory:/mec-n1}); "/" when unknown.
   */
  static String ownGroup(String procSelfCgroup, String controller) {
    for (String line : procSelfCgroup.split("\n")) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3
          && java.util.Arrays.asList(fields[1].split(",")).contains(controller)) {
        return fields[2].strip();
      }
    }
    return "/";
  }

  /**
   * The hierarchies when usable: as root and with both controllers mounted. Inside {@code ip netns
   * exec} sysfs is remounted and the mounts are hidden, which this reports as unusable too.
   */
  static Optional<CgroupV1> detect(Path root) {
    String own;
    try {
      own = Files.readString(Path.of("/proc/self/cgroup"));
    } catch (IOException e) {
      own = "";
    }
    CgroupV1 cgroups = new CgroupV1(root, ownGroup(own, "cpu"), ownGroup(own, "memory"));
    boolean usable =
        isRoot()
            && Files.isWritable(cgroups.cpuRoot.resolve("cgroup.procs"))
            && Files.isWritable(cgroups.memoryRoot.resolve("cgroup.procs"))
            && Files.exists(cgroups.cpuRoot.resolve("cpu.cfs_quota_us"))
            && Files.exists(cgroups.memoryRoot.resolve("memory.limit_in_bytes"));
    return usable ? Optional.of(cgroups) : Optional.empty();
  }

  /** Creates (or updates) both groups with the limits; 0 means unlimited. */
  void apply(String node, String container, int cpuMillis, int memoryMiB) throws IOException {
    Path cpu = Files.createDirectories(cpuGroup(node, container));
    Path memory = Files.createDirectories(memoryGroup(node, container));
    Files.writeString(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_US));
    long quota = cpuMillis <= 0 ? -1 : Math.max(1000, cpuMillis * CFS_PERIOD_US / 1000);
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
    long limit = memoryMiB <= 0 ? -1 : memoryMiB * 1024L * 1024L;
    Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(limit));
  }

  /** The two {@code cgroup.procs} files a process writes its PID to, to join the groups. */
  List<Path> procsFiles(String node, String container) {
    return List.of(
        cpuGroup(node, container).resolve("cgroup.procs"),
        memoryGroup(node, container).resolve("cgroup.procs"));
  }

  /** Every process still in the container's groups, including ones that left their group. */
  Set<Long> pids(String node, String container) {
    Set<Long> pids = new LinkedHashSet<>();
    for (Path procs : procsFiles(node, container)) {
      try {
        for (String line : Files.readAllLines(procs)) {
          if (!line.isBlank()) {
            pids.add(Long.parseLong(line.trim()));
          }
        }
      } catch (IOException e) {
        // group not created (yet): no processes
      }
    }
    return pids;
  }

  /** Removes both groups; they must be empty. A missing group is no error. */
  void delete(String node, String container) throws IOException {
    for (Path group : List.of(cpuGroup(node, container), memoryGroup(node, container))) {
      try {
        Files.deleteIfExists(group); // rmdir: cgroupfs drops the control files itself
      } catch (NoSuchFileException e) {
        // already gone
      }
    }
  }

  /** Where this agent's containers' groups are, for the cpu controller (tests). */
  Path cpuRoot() {
    return cpuRoot;
  }

  Path memoryRoot() {
    return memoryRoot;
  }

  private Path cpuGroup(String node, String container) {
    return cpuRoot.resolve("mec").resolve(node).resolve(container);
  }

  private Path memoryGroup(String node, String container) {
    return memoryRoot.resolve("mec").resolve(node).resolve(container);
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

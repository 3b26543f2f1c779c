package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mecconpaas.agent.runtime.lxc.CgroupHierarchy;
import org.mecconpaas.agent.runtime.lxc.Cgroups;

/**
 * A board's cgroup v1 pair {@code cpu/mec-nX} and {@code memory/mec-nX} at the roots of the two
 * hierarchies: CFS quota and memory limit of its hardware profile. Everything the board runs (the
 * agent, its scripts, its LXC containers when they nest) lives below it, so killing its members is
 * pulling the board's plug.
 */
final class NodeCgroup {

  static final int CPU_PERIOD_MICROS = 100_000;
  private static final Pattern STALE = Pattern.compile("mec-n\\d+");

  private final Path cpu;
  private final Path memory;

  private NodeCgroup(Path cpu, Path memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  /**
   * Creates the pair with the profile's limits, or nothing when cgroup v1 cpu/memory are absent.
   */
  static Optional<NodeCgroup> create(String name, HardwareProfile profile) throws IOException {
    Optional<Path[]> roots = roots();
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    NodeCgroup group = new NodeCgroup(roots.get()[0].resolve(name), roots.get()[1].resolve(name));
    Files.createDirectories(group.cpu);
    Files.createDirectories(group.memory);
    Files.writeString(group.cpu.resolve("cpu.cfs_period_us"), String.valueOf(CPU_PERIOD_MICROS));
    Files.writeString(
        group.cpu.resolve("cpu.cfs_quota_us"),
        String.valueOf(profile.cpuMillis() * (CPU_PERIOD_MICROS / 1000)));
    Files.writeString(
        group.memory.resolve("memory.limit_in_bytes"),
        String.valueOf(profile.memoryMiB() * 1024L * 1024L));
    return Optional.of(group);
  }

  /** The v1 cpu and memory mount points, if both are mounted. */
  static Optional<Path[]> roots() throws IOException {
    List<CgroupHierarchy> all = Cgroups.ofSelf();
    Optional<CgroupHierarchy> cpu = Cgroups.v1(all, "cpu");
    Optional<CgroupHierarchy> memory = Cgroups.v1(all, "memory");
    if (cpu.isEmpty() || memory.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Path[] {cpu.get().mountPoint(), memory.get().mountPoint()});
  }

  /** The {@code mec-nX} cgroups a crashed run left at the roots. */
  static List<NodeCgroup> stale() throws IOException {
    Optional<Path[]> roots = roots();
    if (roots.isEmpty()) {
      return List.of();
    }
    Set<String> names = new TreeSet<>();
    for (Path root : roots.get()) {
      try (Stream<Path> children = Files.list(root)) {
        children
            .map(c -> c.getFileName().toString())
            .filter(n -> STALE.matcher(n).matches())
            .forEach(names::add);
      }
    }
    List<NodeCgroup> groups = new ArrayList<>();
    names.forEach(
        n -> groups.add(new NodeCgroup(roots.get()[0].resolve(n), roots.get()[1].resolve(n))));
    return groups;
  }

  Path cpuDir() {
    return cpu;
  }

  Path memoryDir() {
    return memory;
  }

  /** The files a process writes its PID into to join (both hierarchies). */
  List<Path> procsFiles() {
    return List.of(cpu.resolve("cgroup.procs"), memory.resolve("cgroup.procs"));
  }

  /** PIDs in the pair or any cgroup below it. */
  Set<Long> pids() {
    Set<Long> pids = new TreeSet<>();
    for (Path top : List.of(cpu, memory)) {
      if (!Files.isDirectory(top)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(top)) {
        for (Path procs : walk.filter(p -> p.endsWith("cgroup.procs")).toList()) {
          for (String line : Files.readAllLines(procs)) {
            if (!line.isBlank()) {
              pids.add(Long.parseLong(line.strip()));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // a cgroup vanished while walking: read what is left next round
      }
    }
    return pids;
  }

  /** SIGKILLs every member until none is left or {@code bound} has passed; true when empty. */
  boolean killAll(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      Set<Long> pids = pids();
      if (pids.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      pause();
    }
  }

  /** Kills the members and removes both trees, retrying within {@code bound}; true when gone. */
  boolean remove(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    killAll(bound);
    while (true) {
      boolean gone = Cgroups.removeTree(cpu) & Cgroups.removeTree(memory);
      if (gone || System.nanoTime() > deadline) {
        return gone;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the cgroup hierarchies of a process and removes cgroup trees. */
public final class Cgroups {

  private Cgroups() {}

  /**
   * The hierarchies of this JVM, from {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}.
   */
  public static List<CgroupHierarchy> ofSelf() throws IOException {
    return parse(
        Files.readString(Path.of("/proc/self/mountinfo")),
        Files.readString(Path.of("/proc/self/cgroup")));
  }

  /** The hierarchies of a process, given its mountinfo and its {@code /proc/PID/cgroup}. */
  public static List<CgroupHierarchy> parse(String mountinfo, String procCgroup) {
    List<Mount> mounts = mounts(mountinfo);
    List<CgroupHierarchy> result = new ArrayList<>();
    for (String line : procCgroup.split("\n")) {
      String[] fields = line.strip().split(":", 3);
      if (fields.length < 3) {
        continue;
      }
      String controllers = fields[1];
      Set<String> wanted = new HashSet<>(Arrays.asList(controllers.split(",")));
      wanted.remove("");
      for (Mount mount : mounts) {
        boolean v2 = mount.type().equals("cgroup2");
        boolean matches =
            controllers.isEmpty() ? v2 : !v2 && mount.superOptions().containsAll(wanted);
        if (matches) {
          String path = fields[2];
          if (!mount.root().equals("/") && path.startsWith(mount.root())) {
            path = path.substring(mount.root().length());
            path = path.isEmpty() ? "/" : path;
          }
          result.add(new CgroupHierarchy(controllers, mount.point(), path));
          break;
        }
      }
    }
    return result;
  }

  /** The v1 hierarchy that has {@code controller} (e.g. cpu, memory), if one is mounted. */
  public static Optional<CgroupHierarchy> v1(List<CgroupHierarchy> all, String controller) {
    return all.stream().filter(h -> !h.isV2() && h.has(controller)).findFirst();
  }

  /**
   * Removes a cgroup and all cgroups below it, deepest first. Cgroups that still hold processes
   * stay; the result says whether everything went.
   */
  public static boolean removeTree(Path cgroup) {
    if (!Files.isDirectory(cgroup)) {
      return true;
    }
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(cgroup)) {
      dirs = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      return false;
    }
    boolean all = true;
    for (Path dir : dirs) {
      try {
        Files.delete(dir);
      } catch (IOException e) {
        all = false;
      }
    }
    return all;
  }

  private record Mount(String root, Path point, String type, Set<String> superOptions) {}

  private static List<Mount> mounts(String mountinfo) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        continue;
      }
      String[] left = line.substring(0, dash).split(" ");
      String[] right = line.substring(dash + 3).split(" ");
      if (left.length < 5 || right.length < 3) {
        continue;
      }
      String type = right[0];
      if (type.equals("cgroup") || type.equals("cgroup2")) {
        Set<String> options = new HashSet<>(Arrays.asList(right[2].split(",")));
        mounts.add(new Mount(left[3], Path.of(left[4]), type, options));
      }
    }
    return mounts;
  }
}

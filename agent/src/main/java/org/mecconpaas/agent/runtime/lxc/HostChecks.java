package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What this machine offers: root, commands on the PATH, kernel features for LXC. */
public final class HostChecks {

  /** The PATH when none is set, and the one containers get. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  static final List<String> LXC_COMMANDS =
      List.of(
          "lxc-create",
          "lxc-copy",
          "lxc-start",
          "lxc-wait",
          "lxc-stop",
          "lxc-attach",
          "lxc-destroy",
          "lxc-info",
          "lxc-ls",
          "setsid",
          "ip");

  private HostChecks() {}

  /** Whether this process runs with effective uid 0. */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.substring(4).strip().split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Whether an executable of that name is on the PATH (or in /usr/sbin, /sbin). */
  public static boolean onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", DEFAULT_PATH) + ":/usr/sbin:/sbin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the lxc runtime misses here, as short phrases (empty: nothing). Making the base container
   * also needs the debian template, debootstrap and rsync.
   */
  static List<String> missingForLxc(boolean baseReady) {
    List<String> missing = new ArrayList<>();
    if (!isRoot()) {
      missing.add("root");
    }
    List<String> commands = new ArrayList<>(LXC_COMMANDS);
    if (!baseReady) {
      commands.addAll(List.of("debootstrap", "rsync"));
      if (!Files.isRegularFile(Path.of("/usr/share/lxc/templates/lxc-debian"))) {
        missing.add("the debian template (package lxc-templates)");
      }
    }
    commands.stream().filter(c -> !onPath(c)).forEach(c -> missing.add("command " + c));
    if (!kernelHasOverlay()) {
      missing.add("overlayfs in the kernel");
    }
    try {
      List<CgroupHierarchy> hierarchies = Cgroups.ofSelf();
      boolean v1 =
          Cgroups.v1(hierarchies, "cpu").isPresent()
              && Cgroups.v1(hierarchies, "memory").isPresent();
      if (!v1 && hierarchies.stream().noneMatch(CgroupHierarchy::isV2)) {
        missing.add("cgroup cpu and memory controllers");
      }
    } catch (IOException e) {
      missing.add("cgroups (" + e.getMessage() + ")");
    }
    return missing;
  }

  static boolean kernelHasOverlay() {
    try {
      if (Files.readString(Path.of("/proc/filesystems")).contains("\toverlay\n")) {
        return true;
      }
      String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
      return Files.isDirectory(Path.of("/lib/modules", release, "kernel/fs/overlayfs"));
    } catch (IOException e) {
      return false;
    }
  }
}

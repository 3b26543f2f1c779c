package org.mecconpaas.agent.runtime.lxc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of a clone's LXC config that the runtime owns: network, limits, mounts and log. Pure, so
 * the rendered lines are unit-tested; {@link #rewrite} replaces these keys in the config that
 * {@code lxc-copy} wrote and keeps everything else (rootfs, includes, uts name).
 *
 * @param name the container name
 * @param bridge the bridge the veth joins
 * @param address the container's IPv4 address
 * @param prefixLength the subnet's prefix length
 * @param cpuMillis CPU quota in thousandths of a core, 0 for none
 * @param memoryMiB memory limit, 0 for none
 * @param cgroupV2 whether the host has the cgroup v2 (unified) layout rather than v1
 * @param nestCgroups whether the container's cgroups go below the caller's instead of the root
 * @param bundleDir the host directory bind-mounted read-write at {@link LxcRuntime#BUNDLE_DIR}
 * @param readOnlyMounts host directories bind-mounted read-only at the same path (the JDK)
 * @param logFile LXC's own log for this container
 */
public record LxcContainerConfig(
    String name,
    String bridge,
    String address,
    int prefixLength,
    int cpuMillis,
    int memoryMiB,
    boolean cgroupV2,
    boolean nestCgroups,
    Path bundleDir,
    List<Path> readOnlyMounts,
    Path logFile) {

  /** CFS period; quota = cpuMillis * 100 µs per period. */
  static final int CPU_PERIOD_MICROS = 100_000;

  private static final String MARK = "# managed by MEC-ConPaaS (LxcRuntime); edits are overwritten";

  private static final List<String> OWNED_KEYS =
      List.of(
          "lxc.net.0.link",
          "lxc.net.0.hwaddr",
          "lxc.net.0.ipv4.",
          "lxc.net.0.ipv6.",
          "lxc.net.0.veth.pair",
          "lxc.cgroup.",
          "lxc.cgroup2.",
          "lxc.mount.entry",
          "lxc.log.",
          "lxc.apparmor.",
          "lxc.start.auto");

  /** The original config without the keys this class owns, followed by its own lines. */
  public String rewrite(String original) {
    StringBuilder out = new StringBuilder();
    for (String line : original.split("\n")) {
      String key = line.strip();
      if (key.equals(MARK) || OWNED_KEYS.stream().anyMatch(key::startsWith)) {
        continue;
      }
      out.append(line).append('\n');
    }
    for (String line : lines()) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** The lines this runtime sets, in order. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(MARK);
    lines.add("lxc.net.0.link = " + bridge);
    lines.add("lxc.net.0.hwaddr = " + macAddress(name));
    lines.add("lxc.net.0.veth.pair = " + vethName(name));
    lines.add("lxc.net.0.ipv4.address = " + address + "/" + prefixLength);
    // no lxc.net.0.ipv4.gateway: containers reach their subnet only, never beyond
    lines.add("lxc.apparmor.profile = unconfined");
    lines.add("lxc.start.auto = 0");
    lines.add("lxc.cgroup.relative = " + (nestCgroups ? 1 : 0));
    if (cpuMillis > 0) {
      int quota = cpuMillis * (CPU_PERIOD_MICROS / 1000);
      if (cgroupV2) {
        lines.add("lxc.cgroup2.cpu.max = " + quota + " " + CPU_PERIOD_MICROS);
      } else {
        lines.add("lxc.cgroup.cpu.cfs_period_us = " + CPU_PERIOD_MICROS);
        lines.add("lxc.cgroup.cpu.cfs_quota_us = " + quota);
      }
    }
    if (memoryMiB > 0) {
      long bytes = memoryMiB * 1024L * 1024L;
      lines.add(
          (cgroupV2 ? "lxc.cgroup2.memory.max = " : "lxc.cgroup.memory.limit_in_bytes = ") + bytes);
    }
    lines.add(mountEntry(bundleDir, Path.of(LxcRuntime.BUNDLE_DIR), "bind,create=dir"));
    for (Path dir : readOnlyMounts) {
      lines.add(mountEntry(dir, dir, "bind,ro,create=dir"));
    }
    lines.add("lxc.log.file = " + logFile);
    lines.add("lxc.log.level = WARN");
    return lines;
  }

  private static String mountEntry(Path host, Path inContainer, String options) {
    String target = inContainer.toString().substring(1); // relative to the rootfs
    return "lxc.mount.entry = " + host + " " + target + " none " + options + " 0 0";
  }

  /** A stable locally unique MAC in LXC's usual 00:16:3e prefix, from the name. */
  static String macAddress(String name) {
    byte[] h = AddressPool.sha256("mac:" + name);
    return String.format(
        Locale.ROOT, "00:16:3e:%02x:%02x:%02x", h[0] & 0x7f, h[1] & 0xff, h[2] & 0xff);
  }

  /** The host end of the container's veth: {@code mec-c} + 8 hex digits (13 of 15 characters). */
  static String vethName(String name) {
    return String.format(Locale.ROOT, "mec-c%08x", AddressPool.hash("veth:" + name));
  }

  /** The address written in a config's {@code lxc.net.0.ipv4.address}, if any. */
  static String addressIn(String config) {
    for (String line : config.split("\n")) {
      String l = line.strip();
      if (l.startsWith("lxc.net.0.ipv4.address")) {
        String value = l.substring(l.indexOf('=') + 1).strip();
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
      }
    }
    return null;
  }
}

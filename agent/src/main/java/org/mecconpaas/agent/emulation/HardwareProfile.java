package org.mecconpaas.agent.emulation;

import java.util.List;
import java.util.Locale;

/**
 * The resources an emulated board gets: a CPU quota and a memory limit, enforced with cgroup v1
 * when the emulator runs as root and announced to the master by the agent in every case.
 *
 * @param name the profile's name in layout files
 * @param cpuMillis CPU quota in thousandths of a core
 * @param memoryMiB memory limit
 */
public record HardwareProfile(String name, int cpuMillis, int memoryMiB) {

  /** A Raspberry Pi 3 as the emulator models it: one core's worth of CPU, 1 GiB. */
  public static final HardwareProfile RPI3 = new HardwareProfile("rpi3", 1000, 1024);

  /** A Raspberry Pi 4 (4 GiB): four cores, capped by what this machine has. */
  public static final HardwareProfile RPI4 = new HardwareProfile("rpi4", 4000, 4096);

  public static final List<HardwareProfile> KNOWN = List.of(RPI3, RPI4);

  public HardwareProfile {
    if (cpuMillis <= 0 || memoryMiB <= 0) {
      throw new IllegalArgumentException("a profile needs positive CPU and memory: " + name);
    }
  }

  public static HardwareProfile byName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return KNOWN.stream()
        .filter(p -> p.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown hardware profile "
                        + name
                        + " (known: "
                        + KNOWN.stream().map(HardwareProfile::name).toList()
                        + ")"));
  }
}

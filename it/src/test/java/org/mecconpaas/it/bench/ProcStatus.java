package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of a process as the kernel counts it ({@code /proc/PID/status}): resident set size is what
 * a small edge board actually has to provide, heap settings notwithstanding.
 */
final class ProcStatus {

  private ProcStatus() {}

  /** {@code VmRSS} (current) in MiB. */
  static double rssMiB(long pid) throws IOException {
    return field(pid, "VmRSS") / 1024.0;
  }

  /** {@code VmHWM} (peak resident size so far) in MiB. */
  static double peakRssMiB(long pid) throws IOException {
    return field(pid, "VmHWM") / 1024.0;
  }

  /** {@code Threads}: how many threads the process has now. */
  static long threads(long pid) throws IOException {
    return field(pid, "Threads");
  }

  /** A "Name: 1234 kB" line, in kB (or a plain count such as "Threads: 21"). */
  private static long field(long pid, String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip());
      }
    }
    throw new IOException("no " + name + " in /proc/" + pid + "/status");
  }
}

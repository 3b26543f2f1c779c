package org.mecconpaas.agent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and resident memory of every live process group, read from {@code /proc} in one scan and
 * kept for a second, so that reporting all of a node's containers costs one pass over {@code /proc}
 * rather than one per container.
 */
public final class ProcessTable {
  private static final Path PROC = Path.of("/proc");
  private static final long MAX_AGE_NANOS = 1_000_000_000L;
  // USER_HZ and the page size are 100 and 4 KiB on Linux for x86_64 and the Raspberry Pi's ARM
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final long PAGE_BYTES = 4096;

  private Map<Long, ContainerUsage> byGroup = Map.of();
  private Map<Long, ContainerUsage> byProcess = Map.of();
  private long scannedAtNanos;

  /** The summed use of the live processes of these process groups. */
  public synchronized ContainerUsage usage(Collection<Long> groups) {
    refresh();
    return sum(byGroup, groups);
  }

  /**
   * The summed use of these processes (a container's cgroup members: daemons that left their
   * process group, such as php-fpm's workers, still count).
   */
  public synchronized ContainerUsage usageOfProcesses(Collection<Long> pids) {
    refresh();
    return sum(byProcess, pids);
  }

  private void refresh() {
    if (scannedAtNanos == 0 || System.nanoTime() - scannedAtNanos > MAX_AGE_NANOS) {
      Map<Long, ContainerUsage> processes = new HashMap<>();
      byGroup = scan(processes);
      byProcess = processes;
      scannedAtNanos = System.nanoTime();
    }
  }

  private static ContainerUsage sum(Map<Long, ContainerUsage> usage, Collection<Long> keys) {
    ContainerUsage total = ContainerUsage.NONE;
    for (long key : keys) {
      total = total.plus(usage.getOrDefault(key, ContainerUsage.NONE));
    }
    return total;
  }

  private static Map<Long, ContainerUsage> scan(Map<Long, ContainerUsage> processes) {
    Map<Long, ContainerUsage> groups = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        try {
          String stat = Files.readString(entry.resolve("stat"), StandardCharsets.ISO_8859_1);
          // "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (fields[0].equals("Z") || fields[0].equals("X")) {
            continue;
          }
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          long rssPages = Long.parseLong(fields[21]);
          ContainerUsage one = new ContainerUsage(ticks * NANOS_PER_TICK, rssPages * PAGE_BYTES);
          groups.merge(Long.parseLong(fields[2]), one, ContainerUsage::plus);
          processes.put(Long.parseLong(entry.getFileName().toString()), one);
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      // no /proc: nothing to report
    }
    return groups;
  }
}

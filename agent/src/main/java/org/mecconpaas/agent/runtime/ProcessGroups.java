package org.mecconpaas.agent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Signals whole process groups. Scripts are started as group leaders, so the group is the handle
 * that also reaches the children and daemons a script forks (which {@link ProcessHandle} alone
 * would lose once they are re-parented).
 */
public final class ProcessGroups {
  private static final Path PROC = Path.of("/proc");
  private static final String KILL =
      Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "/usr/bin/kill";

  private ProcessGroups() {}

  /** Live (non-zombie) processes whose process group is {@code pgid}. */
  public static Set<Long> members(long pgid) {
    Set<Long> members = new LinkedHashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        if (pgid == groupOfLiveProcess(entry)) {
          members.add(Long.parseLong(entry.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      // /proc always exists on Linux; without it nothing can be signalled anyway
    }
    return members;
  }

  public static boolean alive(long pgid) {
    return pgid > 0 && !members(pgid).isEmpty();
  }

  /** Sends a signal ({@code TERM}, {@code KILL}) to the group; a vanished group is no error. */
  public static void signal(long pgid, String signal) {
    if (pgid <= 1) {
      throw new IllegalArgumentException("refusing to signal process group " + pgid);
    }
    kill(signal, "-" + pgid);
  }

  /** Sends a signal to one process; a vanished process is no error. */
  public static void signalProcess(long pid, String signal) {
    if (pid <= 1) {
      throw new IllegalArgumentException("refusing to signal process " + pid);
    }
    kill(signal, Long.toString(pid));
  }

  private static void kill(String signal, String target) {
    try {
      Process kill =
          new ProcessBuilder(KILL, "-s", signal, "--", target)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + KILL + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGTERM to every group, SIGKILL to those still alive after {@code grace}, then waits briefly
   * for them to vanish.
   *
   * @return whether all groups are gone
   */
  public static boolean terminate(Collection<Long> pgids, Duration grace) {
    Set<Long> alive = new LinkedHashSet<>();
    for (long pgid : pgids) {
      if (alive(pgid)) {
        signal(pgid, "TERM");
        alive.add(pgid);
      }
    }
    if (!awaitGone(alive, grace)) {
      alive.forEach(pgid -> signal(pgid, "KILL"));
      return awaitGone(alive, Duration.ofSeconds(2));
    }
    return true;
  }

  /** Waits until no member of the groups is left. */
  public static boolean awaitGone(Collection<Long> pgids, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (pgids.stream().anyMatch(ProcessGroups::alive)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code pid} is still the process that started at {@code startedAtMillis}; guards
   * against a PID reused after a reboot.
   */
  public static boolean isSameProcess(long pid, long startedAtMillis) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().startInstant())
        .map(start -> Math.abs(start.toEpochMilli() - startedAtMillis) < 1000)
        .orElse(false);
  }

  /** The process's start time in epoch millis, or 0 when the OS does not tell. */
  public static long startTime(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().startInstant())
        .map(Instant::toEpochMilli)
        .orElse(0L);
  }

  /** Changes at every boot; tells a PID recorded before a reboot from a current one. */
  public static String bootId() {
    try {
      return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long groupOfLiveProcess(Path procEntry) {
    try {
      String stat = Files.readString(procEntry.resolve("stat"), StandardCharsets.ISO_8859_1);
      // "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
      if (fields[0].equals("Z") || fields[0].equals("X")) {
        return -1;
      }
      return Long.parseLong(fields[2]);
    } catch (IOException | RuntimeException e) {
      return -1; // the process ended while we looked
    }
  }
}

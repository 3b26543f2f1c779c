package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The machine's one emulated edge. Namespaced edges take the lock {@code /run/mec-edge.lock}, so
 * only one runs per machine, and other people's tests start edges on the same machine: the
 * benchmark waits its turn before each start, and tells a start that lost the race (the emulator
 * could not take the lock) from a real failure.
 */
final class EdgeSlot {
  static final String EMULATOR = "EdgeEmulatorMain";
  static final String AGENT = "mec-agent.jar";

  /** What the emulator writes when another edge holds the lock (agent's EdgeLock). */
  static final String TAKEN = "another emulated edge runs on this machine";

  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofMinutes(15);

  private EdgeSlot() {}

  /** Blocks until no emulator runs on the machine; gives up after {@link #PATIENCE}. */
  static void awaitFree(String why) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    boolean told = false;
    while (!processes(EMULATOR, null).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "another emulated edge ran for " + PATIENCE.toMinutes() + " minutes; giving up");
      }
      if (!told) {
        EdgeBenchmark.progress("waiting for another emulated edge to finish (" + why + ")");
        told = true;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** True when the emulator of this edge directory found the machine's edge taken. */
  static boolean lostRace(Path edgeDir) {
    Path log = edgeDir.resolve("emulator.log");
    try {
      return Files.exists(log)
          && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(TAKEN);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Live processes whose command line holds {@code marker} and, unless null, {@code scope} (a
   * directory of this benchmark, so that other people's edges are never counted as ours).
   */
  static List<ProcessHandle> processes(String marker, String scope) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(marker) && (scope == null || c.contains(scope)))
                    .orElse(false))
        .toList();
  }
}

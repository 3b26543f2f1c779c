package org.mecconpaas.it.bench;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * The resident memory of a node agent's JVM while it runs {@value #INSTANCES} instances, each with
 * a live run.sh whose output it ships: what a board has to set aside for the agent when busy.
 */
final class AgentMemory {
  static final int INSTANCES = 5;

  /**
   * Heartbeats, log shipping and the first collections settle within this; the RSS reading starts
   * after it.
   */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  /** RSS is sampled once a second for this long and the largest sample counts. */
  private static final Duration WINDOW = Duration.ofSeconds(30);

  private static final Duration START_LIMIT = Duration.ofSeconds(180);

  /** Largest VmRSS sample and the peak (VmHWM) at the end, in MiB, and the thread count. */
  record Reading(double rssMiB, double peakMiB, long threads, long samples) {}

  private AgentMemory() {}

  /** On an edge of one board: every instance of the service lands on that board. */
  static Reading measure(BenchEdge edge) throws Exception {
    BenchService busy = edge.service("busy").create(INSTANCES - 1, Bundles.busy());
    busy.start();
    busy.awaitRunning(INSTANCES, System.nanoTime(), START_LIMIT);
    long elsewhere =
        busy.instances().stream()
            .filter(i -> !i.getString("node").equals(BoardEmulator.NODE))
            .count();
    if (elsewhere > 0) {
      throw new IllegalStateException(elsewhere + " instance(s) not on " + BoardEmulator.NODE);
    }
    busy.runScripts();
    busy.await(
        "run.sh running in every instance",
        System.nanoTime(),
        START_LIMIT,
        () -> busy.instances().stream().allMatch(AgentMemory::runShRunning));
    long pid = edge.agent(BoardEmulator.NODE).pid();
    Thread.sleep(SETTLE.toMillis());
    double largest = 0;
    long samples = 0;
    long end = System.nanoTime() + WINDOW.toNanos();
    while (System.nanoTime() < end) {
      largest = Math.max(largest, ProcStatus.rssMiB(pid));
      samples++;
      Thread.sleep(1000);
    }
    if (!busy.instances().stream().allMatch(AgentMemory::runShRunning)) {
      throw new IllegalStateException("run.sh stopped during the reading: " + busy.instances());
    }
    return new Reading(largest, ProcStatus.peakRssMiB(pid), ProcStatus.threads(pid), samples);
  }

  private static boolean runShRunning(JsonObject instance) {
    JsonObject scripts = instance.getJsonObject("scripts");
    return scripts != null
        && scripts.containsKey("run")
        && scripts.getJsonObject("run").getString("state").equals("RUNNING");
  }
}

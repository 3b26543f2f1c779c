package org.mecconpaas.it.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every figure for one container runtime, each phase on the edge it needs: (1) on a master with 3
 * emulated nodes, service start and scale-out latency, then the first node failure; (2) the other
 * node failures, each on a fresh master and edge, because a killed node cannot rejoin; (3) the
 * agent's memory, on an edge of one board that can hold 5 instances. A phase that fails is noted
 * and the next one still runs, so that one broken figure does not hide the others.
 */
final class RuntimeBench {
  /** Generous: what is measured must fail by its figure, not by a timeout. */
  private static final Duration STEP_LIMIT = Duration.ofSeconds(120);

  private final Path launcher;
  private final Path workDir;
  private final String runtime;
  private final int runs;
  private final int failures;
  private final Report report;
  private final List<NodeFailure.Outcome> outcomes = new ArrayList<>();
  private int failedFailures;
  private boolean broken;

  RuntimeBench(Path launcher, Path workDir, String runtime, int runs, int failures, Report report) {
    this.launcher = launcher;
    this.workDir = workDir;
    this.runtime = runtime;
    this.runs = runs;
    this.failures = failures;
    this.report = report;
  }

  /** False when a phase failed (its rows are missing or partial; the notes say why). */
  boolean run() throws Exception {
    phase("start and scale", this::startAndScale);
    for (int i = outcomes.size() + failedFailures + 1; i <= failures; i++) {
      phase("node failure " + i + " on a fresh edge", this::failureOnFreshEdge);
    }
    failureRows();
    phase("agent memory", this::agentMemory);
    return !broken;
  }

  private interface Phase {
    void run() throws Exception;
  }

  private void phase(String name, Phase phase) {
    try {
      phase.run();
    } catch (Exception e) {
      broken = true;
      report.note(runtime + ": phase '" + name + "' failed: " + e);
      System.err.println("bench: phase '" + name + "' failed:");
      e.printStackTrace();
    }
  }

  private void startAndScale() throws Exception {
    try (BenchEdge edge =
        BenchEdge.start(launcher, workDir, runtime, BenchEdge.Shape.THREE_NODES)) {
      report.info("launch of mec-master to 3 nodes UP", seconds(edge.startedIn().toNanos()));
      startRuns(edge);
      BenchService scaled = scaleRuns(edge);
      double largest = 0;
      for (String node : edge.nodes("UP")) {
        largest = Math.max(largest, ProcStatus.rssMiB(edge.agent(node).pid()));
      }
      report.info("agent RSS, Pi 3 nodes after scaling (max)", Report.format(largest, "MiB"));
      if (failures > 0) {
        failure(edge, scaled);
      }
    }
  }

  /** Create, start (timed), stop and delete a one-instance service, {@link #runs} times. */
  private void startRuns(BenchEdge edge) throws Exception {
    EdgeBenchmark.progress(runtime + ": " + runs + " service starts");
    long[] took = new long[runs];
    int missed = 0;
    String firstMiss = null;
    long phaseStart = System.nanoTime();
    for (int run = 0; run < runs; run++) {
      BenchService service =
          edge.service(String.format(Locale.ROOT, "start-%02d", run)).create(0, Bundles.trivial());
      long sent = System.nanoTime();
      try {
        service.start();
        took[run] = service.awaitState("RUNNING", sent, STEP_LIMIT);
      } catch (IllegalStateException e) {
        took[run] = System.nanoTime() - sent;
        missed++;
        firstMiss = firstMiss == null ? e.getMessage() : firstMiss;
      }
      service.stop();
      service.awaitState("STOPPED", System.nanoTime(), STEP_LIMIT);
      service.delete();
    }
    Latencies starts =
        Latencies.of(took, missed, firstMiss, Duration.ofNanos(System.nanoTime() - phaseStart));
    double target = runtime.equals("lxc") ? 5000 : 3000;
    report.info("start: API call to RUNNING p50", ms(starts.percentileMillis(50)));
    report.target(
        "start: API call to RUNNING p99", starts.percentileMillis(99), target, "ms", missed == 0);
    missNote("start", missed, firstMiss);
  }

  /**
   * One service, master plus one node instance, scaled 1 -> 2 node instances (timed) and back,
   * {@link #runs} times: with 4 instances per Pi 3 node the three nodes always have room, so every
   * scale-out places exactly one new instance. Ends at one node instance, ready to lose a node.
   */
  private BenchService scaleRuns(BenchEdge edge) throws Exception {
    EdgeBenchmark.progress(runtime + ": " + runs + " scale-outs by one instance");
    BenchService service = edge.service("scaled").create(1, Bundles.trivial());
    service.start();
    service.awaitRunning(2, System.nanoTime(), STEP_LIMIT);
    long[] out = new long[runs];
    long[] in = new long[runs];
    int missed = 0;
    String firstMiss = null;
    long phaseStart = System.nanoTime();
    for (int run = 0; run < runs; run++) {
      long sent = System.nanoTime();
      try {
        service.scaleNodes(2);
        out[run] = service.awaitRunning(3, sent, STEP_LIMIT);
      } catch (IllegalStateException e) {
        out[run] = System.nanoTime() - sent;
        missed++;
        firstMiss = firstMiss == null ? e.getMessage() : firstMiss;
        service.awaitRunning(3, System.nanoTime(), STEP_LIMIT);
      }
      sent = System.nanoTime();
      service.scaleNodes(1);
      in[run] = service.awaitRunning(2, sent, STEP_LIMIT);
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - phaseStart);
    Latencies outs = Latencies.of(out, missed, firstMiss, wall);
    Latencies ins = Latencies.of(in, 0, null, wall);
    report.target(
        "scale-out by one instance p50", outs.percentileMillis(50), 2000, "ms", missed == 0);
    report.info("scale-out by one instance p99", ms(outs.percentileMillis(99)));
    report.info("scale-in by one instance p50", ms(ins.percentileMillis(50)));
    missNote("scale-out", missed, firstMiss);
    return service;
  }

  private void failureOnFreshEdge() throws Exception {
    try (BenchEdge edge =
        BenchEdge.start(launcher, workDir, runtime, BenchEdge.Shape.THREE_NODES)) {
      BenchService service = edge.service("failover").create(1, Bundles.trivial());
      service.start();
      service.awaitRunning(2, System.nanoTime(), STEP_LIMIT);
      failure(edge, service);
    }
  }

  private void failure(BenchEdge edge, BenchService service) throws Exception {
    int number = outcomes.size() + failedFailures + 1;
    EdgeBenchmark.progress(runtime + ": node failure " + number + " of " + failures);
    try {
      NodeFailure.Outcome outcome = NodeFailure.inject(edge, service);
      outcomes.add(outcome);
      report.info(
          "node failure " + number + ": kill to node DOWN",
          outcome.downNanos() == 0 ? "not seen" : seconds(outcome.downNanos()));
      report.info(
          "node failure " + number + ": kill to re-created", seconds(outcome.recreatedNanos()));
    } catch (IllegalStateException e) {
      failedFailures++;
      report.note(runtime + ": node failure " + number + ": " + e.getMessage());
    }
  }

  /** The target row is the worst failure: every one of them must stay within the target. */
  private void failureRows() {
    if (outcomes.isEmpty() && failedFailures == 0) {
      return;
    }
    double worst =
        outcomes.stream().mapToLong(NodeFailure.Outcome::recreatedNanos).max().orElse(0) / 1e9;
    report.target(
        "node failure to re-created instance (worst)",
        worst,
        15,
        "s",
        failedFailures == 0 && !outcomes.isEmpty());
  }

  private void agentMemory() throws Exception {
    EdgeBenchmark.progress(runtime + ": agent memory with " + AgentMemory.INSTANCES + " instances");
    try (BenchEdge edge =
        BenchEdge.start(launcher, workDir, runtime, BenchEdge.Shape.ONE_LARGE_BOARD)) {
      AgentMemory.Reading reading = AgentMemory.measure(edge);
      report.target(
          "agent RSS, " + AgentMemory.INSTANCES + " instances (max of " + reading.samples() + ")",
          reading.rssMiB(),
          64,
          "MiB",
          true);
      report.info("agent peak RSS (VmHWM) at the end", Report.format(reading.peakMiB(), "MiB"));
      report.info("agent threads", Long.toString(reading.threads()));
    }
  }

  private void missNote(String what, int missed, String first) {
    if (missed > 0) {
      report.note(
          runtime + ": " + what + ": " + missed + " of " + runs + " runs failed; first: " + first);
    }
  }

  private static String ms(double millis) {
    return Report.format(millis, "ms");
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}

package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The API benchmark, run by {@code bench/api.sh}: (a) seeds an empty master with {@value
 * #APPLICATIONS} applications of {@value #SERVICES_PER_APPLICATION} services each and stops it; (b)
 * starts it again on that data and measures launch-to-first-authenticated-200 and the JVM's
 * resident memory; (c) measures list and create latency under {@value #CLIENTS} concurrent clients.
 * Prints the figures against their targets and writes them under {@code it/target}.
 *
 * <p>Exit code 0 when every target is met, 1 when one is missed, 2 when the run itself failed.
 * Needs the system properties {@code mec.launcher} and {@code mec.bench.out}.
 */
public final class ApiBenchmark {

  static final int APPLICATIONS = 1_000;
  static final int SERVICES_PER_APPLICATION = 2;
  static final int CLIENTS = 16;
  static final int WARM_UP = 20;
  static final int REQUESTS = 200;

  static final double STARTUP_TARGET_SECONDS = 15;
  static final double RSS_TARGET_MIB = 512;
  static final double LIST_P99_TARGET_MS = 50;
  static final double CREATE_P99_TARGET_MS = 100;

  /**
   * How long the start-up call is repeated after its first 200 before memory is read and the load
   * starts: Payara finishes some initialisation after the first requests, and on a restart it
   * redeploys the application once more (see bench/README.md).
   */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  /** A hung master or client must not keep the machine busy forever. */
  private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

  private final Path launcher;
  private final Path outDir;
  private final String stamp;
  private final Report report;

  ApiBenchmark(Path launcher, Path outDir) {
    this.launcher = launcher;
    this.outDir = outDir;
    this.stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    this.report =
        new Report(
            String.format(
                Locale.ROOT,
                "MEC-ConPaaS API benchmark %s: %d applications, %d services seeded; %d clients x"
                    + " %d requests (after %d warm-up) per measurement; %d CPUs",
                stamp,
                APPLICATIONS,
                APPLICATIONS * SERVICES_PER_APPLICATION,
                CLIENTS,
                REQUESTS,
                WARM_UP,
                Runtime.getRuntime().availableProcessors()));
  }

  public static void main(String[] args) {
    startWatchdog();
    int exitCode;
    try {
      exitCode =
          new ApiBenchmark(
                  MasterSetup.pathProperty("mec.launcher"),
                  MasterSetup.pathProperty("mec.bench.out"))
              .run();
    } catch (Exception | Error e) {
      System.err.println("benchmark failed:");
      e.printStackTrace();
      exitCode = 2;
    }
    System.exit(exitCode);
  }

  int run() throws Exception {
    MasterSetup setup = MasterSetup.fresh(launcher, outDir.resolve("bench").resolve(stamp));
    progress("master data and logs in " + setup.dataDir().getParent());
    Seeder.Seeded seeded = seed(setup);
    measureRestarted(setup.restart("restart.log"), seeded);
    Path results = outDir.resolve("bench-results").resolve("api-" + stamp + ".txt");
    report.write(results);
    System.out.println();
    System.out.print(report.render());
    System.out.println("results written to " + results);
    return report.allTargetsMet() ? 0 : 1;
  }

  private Seeder.Seeded seed(MasterSetup setup) throws Exception {
    progress("(a) starting an empty master and seeding it");
    try (RunningMaster master = RunningMaster.start(setup)) {
      Seeder.Seeded seeded =
          new Seeder(master.api(), APPLICATIONS, SERVICES_PER_APPLICATION)
              .seed(setup.adminPassword());
      report.info(
          "seeding with " + Seeder.CLIENTS + " clients (not a target)",
          Report.format(seconds(seeded.took().toNanos()), "s"));
      progress("(a) seeded in " + seeded.took().toMillis() + " ms; stopping the master");
      return seeded;
    }
  }

  /** (b) and (c), on one restarted master, as the first developer. */
  private void measureRestarted(MasterSetup setup, Seeder.Seeded seeded) throws Exception {
    String token = seeded.tokens().get(0);
    List<String> apps = seeded.applications().get(0);
    progress("(b) restarting on the seeded data");
    try (RunningMaster master = RunningMaster.launch(setup)) {
      measureStartup(master, token);
      progress("(c) " + CLIENTS + " clients listing services");
      LoadRun load = new LoadRun(master.api(), token, CLIENTS, WARM_UP, REQUESTS);
      Latencies list =
          load.run(
              (client, c, sequence) ->
                  client.get(
                      "/applications/" + apps.get((c * 31 + sequence) % apps.size()) + "/services"),
              200);
      latencyRows("GET /applications/{app}/services", list, LIST_P99_TARGET_MS);
      progress("(c) " + CLIENTS + " clients creating services");
      Latencies create =
          load.run(
              (client, c, sequence) ->
                  client.post(
                      "/applications/"
                          + apps.get((sequence * CLIENTS + c) % apps.size())
                          + "/services",
                      Json.createObjectBuilder()
                          .add("name", String.format(Locale.ROOT, "bench-%02d-%04d", c, sequence))
                          .add("type", "generic")
                          .build()),
              201);
      latencyRows("POST /applications/{app}/services", create, CREATE_P99_TARGET_MS);
      report.info(
          "RSS after the load", Report.format(ProcStatus.rssMiB(master.jvm().pid()), "MiB"));
      report.info(
          "peak RSS (VmHWM)", Report.format(ProcStatus.peakRssMiB(master.jvm().pid()), "MiB"));
      progress("stopping the master");
    }
  }

  /**
   * From launching the script to the first 200 of an authenticated call: what a user waits for
   * after a reboot, including the JVM start, Payara, deployment and the first database query. The
   * same call is then repeated for {@link #SETTLE}, because an API that answers once and then goes
   * away again (a redeployment, say) is not ready yet; that is reported next to the target.
   */
  private void measureStartup(RunningMaster master, String token) throws Exception {
    ApiClient probe = new ApiClient(ApiClient.newHttpClient(), master.api(), token);
    AtomicLong readyAt = new AtomicLong();
    master.awaitReady(
        "an authenticated GET /applications to answer 200",
        Duration.ofMillis(50),
        () -> {
          boolean ready = probe.get("/applications").status() == 200;
          if (ready) {
            readyAt.set(System.nanoTime());
          }
          return ready;
        });
    report.target(
        "start-up: launch to first authenticated 200",
        seconds(readyAt.get() - master.launchedAtNanos()),
        STARTUP_TARGET_SECONDS,
        "s",
        true);
    Stability stability = watch(probe, readyAt.get());
    report.info(
        "start-up: launch to answers staying 200",
        Report.format(seconds(stability.stableAt() - master.launchedAtNanos()), "s"));
    if (stability.failures() > 0) {
      report.note(
          "after its first 200 the API failed "
              + stability.failures()
              + " of "
              + stability.calls()
              + " calls within "
              + SETTLE.toSeconds()
              + " s (answers: "
              + stability.statuses()
              + ")");
    }
    report.target(
        "RSS of the JVM " + SETTLE.toSeconds() + " s after the first 200",
        ProcStatus.rssMiB(master.jvm().pid()),
        RSS_TARGET_MIB,
        "MiB",
        true);
  }

  /** What the repeated call saw after the first 200. */
  private record Stability(long stableAt, int calls, int failures, Set<String> statuses) {}

  private static Stability watch(ApiClient probe, long firstOk) throws InterruptedException {
    long end = firstOk + SETTLE.toNanos();
    long stableAt = firstOk;
    int calls = 0;
    int failures = 0;
    Set<String> statuses = new TreeSet<>();
    while (System.nanoTime() < end) {
      String status;
      try {
        status = Integer.toString(probe.get("/applications").status());
      } catch (IOException e) {
        status = e.getClass().getSimpleName();
      }
      calls++;
      statuses.add(status);
      if (!"200".equals(status)) {
        failures++;
        stableAt = 0;
      } else if (stableAt == 0) {
        stableAt = System.nanoTime();
      }
      Thread.sleep(50);
    }
    return new Stability(stableAt == 0 ? end : stableAt, calls, failures, statuses);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void latencyRows(String request, Latencies latencies, double p99Target) {
    boolean allAnswered = latencies.failures() == 0;
    report.info(request + " p50", Report.format(latencies.percentileMillis(50), "ms"));
    report.target(request + " p99", latencies.percentileMillis(99), p99Target, "ms", allAnswered);
    report.info(
        request + " rate", String.format(Locale.ROOT, "%.0f req/s", latencies.requestsPerSecond()));
    if (!allAnswered) {
      report.note(
          request
              + ": "
              + latencies.failures()
              + " of "
              + latencies.count()
              + " answers were unexpected (counted as MISS); first: "
              + latencies.firstFailure());
    }
  }

  private static void progress(String message) {
    System.out.println("bench: " + message);
  }

  private static void startWatchdog() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(RUN_LIMIT.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("benchmark: still running after " + RUN_LIMIT + "; giving up");
              // Exit runs the shutdown hooks of RunningMaster, which kill the master.
              System.exit(2);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}

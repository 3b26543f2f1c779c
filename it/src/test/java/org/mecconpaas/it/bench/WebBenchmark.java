package org.mecconpaas.it.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.web.ExampleBundles;

/**
 * The web hosting benchmark, run by {@code bench/web.sh}: (1) requests per second and p99 latency
 * of a PHP page through the platform's PHP service (proxy and backend on emulated nodes) against
 * the same HAProxy, nginx and php-fpm started bare on this machine ({@link BarePhpStack}), in
 * alternating rounds ({@link ThroughputRounds}); (2) the autoscaling reaction: from a load step to
 * a new backend answering, and from the load's end back to one backend ({@link
 * AutoscalingReaction}). Prints a table and writes it under {@code it/target/bench-results}.
 *
 * <p>Options: {@code --rounds N} (5), {@code --seconds S} (15: measured seconds per target and
 * round), {@code --clients C} (8), {@code --cycles N} (3 autoscaling cycles; 0 skips them). Exit
 * code 0 when the target is met, 1 when missed, 2 when the run failed. Needs the system properties
 * {@code mec.launcher} and {@code mec.bench.out}, and the working directory {@code it/} (the
 * examples are found from there).
 */
public final class WebBenchmark {
  static final String PAGE = "/bench.php";

  /** A little PHP work: 50 000 crc32 of short strings, about 1 ms of one core of this machine. */
  static final String BENCH_PHP =
      """
      <?php
      // the benchmark's page: a little PHP work, then the backend that did it
      require __DIR__ . '/app.php';
      $sum = 0;
      for ($i = 0; $i < 50000; $i++) {
          $sum += crc32((string) $i);
      }
      header('Content-Type: text/plain');
      echo instance(), ' ', $sum, "\\n";
      """;

  private static final Duration RUN_LIMIT = Duration.ofHours(1);

  /** Longer than the policy's cool-down and the autoscaler's 15 s window of fresh figures. */
  private static final Duration QUIET = Duration.ofSeconds(20);

  /** The options; {@link #parse} explains them. */
  record Options(int rounds, int seconds, int clients, int cycles) {}

  private interface Phase {
    void run() throws Exception;
  }

  private final Path launcher;
  private final Path outDir;
  private final Options options;
  private final String stamp;

  WebBenchmark(Path launcher, Path outDir, Options options) {
    this.launcher = launcher;
    this.outDir = outDir;
    this.options = options;
    this.stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("web benchmark: " + e.getMessage());
      System.err.println(
          "usage: bench/web.sh [--rounds N] [--seconds S] [--clients C] [--cycles N]");
      System.exit(2);
      return;
    }
    startWatchdog();
    int exitCode;
    try {
      exitCode =
          new WebBenchmark(
                  MasterSetup.pathProperty("mec.launcher"),
                  MasterSetup.pathProperty("mec.bench.out"),
                  options)
              .run();
    } catch (Exception | Error e) {
      System.err.println("benchmark failed:");
      e.printStackTrace();
      exitCode = 2;
    }
    System.exit(exitCode);
  }

  static Options parse(String[] args) {
    int[] values = {5, 15, 8, 3};
    List<String> names = List.of("--rounds", "--seconds", "--clients", "--cycles");
    for (int i = 0; i < args.length; i += 2) {
      int index = names.indexOf(args[i]);
      if (index < 0) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,4}")) {
        throw new IllegalArgumentException(args[i] + " needs a number");
      }
      values[index] = Integer.parseInt(args[i + 1]);
    }
    if (values[0] < 1 || values[1] < 1 || values[2] < 1) {
      throw new IllegalArgumentException("--rounds, --seconds and --clients must be at least 1");
    }
    return new Options(values[0], values[1], values[2], values[3]);
  }

  int run() throws Exception {
    Path workDir = outDir.resolve("bench").resolve("web-" + stamp);
    progress("master's data and logs, bare daemons' state in " + workDir);
    String loadAtStart = LoadAverages.now();
    WebReport report = new WebReport(title());
    boolean complete = true;
    try (WebBenchEdge edge = WebBenchEdge.start(launcher, workDir)) {
      PhpSite site = edge.site("site");
      byte[] bundle = ExampleBundles.phpApp("1", Map.of("bench.php", BENCH_PHP));
      progress("deploying a php service (proxy, web, backend) on the emulated nodes");
      site.deploy(Map.of("proxy", 1, "web", 1, "backend", 1), bundle);
      URI endpoint = site.awaitRunning();
      complete &=
          phase(report, "throughput", () -> throughput(site, endpoint, bundle, workDir, report));
      if (options.cycles() > 0) {
        complete &= phase(report, "autoscaling", () -> autoscaling(site, endpoint, report));
      }
    }
    report.line(
        "load average at the start: " + loadAtStart + "; at the end: " + LoadAverages.now());
    Path results = outDir.resolve("bench-results").resolve("web-" + stamp + ".txt");
    report.write(results);
    System.out.println();
    System.out.print(report.render());
    System.out.println("results written to " + results);
    return !complete ? 2 : report.allTargetsMet() ? 0 : 1;
  }

  /** Runs a phase; a failure is noted (its rows are missing) and the next phase still runs. */
  private static boolean phase(WebReport report, String name, Phase phase) {
    try {
      phase.run();
      return true;
    } catch (Exception e) {
      report.line("phase '" + name + "' failed: " + e);
      System.err.println("bench: phase '" + name + "' failed:");
      e.printStackTrace();
      return false;
    }
  }

  private void throughput(PhpSite site, URI endpoint, byte[] bundle, Path workDir, WebReport report)
      throws Exception {
    JsonObject proxy = site.instances("proxy").get(0);
    JsonObject backend = site.instances("backend").get(0);
    Path proxyState = site.stateDir(proxy.getString("name"));
    Path backendState = site.stateDir(backend.getString("name"));
    CgroupPair.Limits proxyLimits =
        CgroupPair.of(site.daemon(proxy.getString("name"), "haproxy -W").pid());
    CgroupPair.Limits backendLimits =
        CgroupPair.of(site.daemon(backend.getString("name"), "php-fpm: master").pid());
    report.line(
        String.format(
            Locale.ROOT,
            "platform: client -> proxy on %s (%s) -> backend on %s; their cgroups: proxy %s,"
                + " backend %s",
            proxy.getString("node"),
            endpoint,
            backend.getString("node"),
            proxyLimits,
            backendLimits));
    progress("starting the bare HAProxy, nginx and php-fpm with the same scripts and limits");
    try (LoadAverages loads = LoadAverages.during();
        BarePhpStack bare =
            BarePhpStack.start(
                workDir.resolve("bare"),
                bundle,
                new BarePhpStack.Role(proxyState.resolve(".role"), proxyLimits),
                new BarePhpStack.Role(backendState.resolve(".role"), backendLimits))) {
      String platformSizes = sizes(proxyState, backendState);
      String bareSizes = sizes(bare.stateDir("proxy"), bare.stateDir("backend"));
      report.line(
          "rendered sizes, platform: "
              + platformSizes
              + (platformSizes.equals(bareSizes)
                  ? " (bare: the same)"
                  : "; bare DIFFERS: " + bareSizes));
      ThroughputRounds rounds =
          new ThroughputRounds(
              endpoint.resolve(PAGE),
              bare.endpoint().resolve(PAGE),
              bare,
              options.clients(),
              Duration.ofSeconds(options.seconds()));
      rounds.run(options.rounds());
      rounds.report(report);
      report.line("load average (1 min) during the rounds: " + loads.summary());
      report.line("rounds (each target " + options.seconds() + " s measured after a warm-up):");
      rounds.roundLines().forEach(report::line);
    }
  }

  private void autoscaling(PhpSite site, URI endpoint, WebReport report) throws Exception {
    progress("autoscaling: " + QUIET.toSeconds() + " s quiet, then the policy on the backends");
    Thread.sleep(QUIET.toMillis());
    site.autoscale(AutoscalingReaction.POLICY);
    report.line("autoscaling policy: " + AutoscalingReaction.POLICY);
    List<AutoscalingReaction.Cycle> cycles = new ArrayList<>();
    LoadAverages loads = LoadAverages.during();
    try {
      for (int c = 1; c <= options.cycles(); c++) {
        if (c > 1) {
          Thread.sleep(QUIET.toMillis());
        }
        progress("autoscaling cycle " + c + " of " + options.cycles() + ": load step");
        AutoscalingReaction.Cycle cycle = new AutoscalingReaction(site, endpoint, PAGE).run();
        cycles.add(cycle);
        progress("autoscaling cycle " + c + ": " + describe(cycle));
      }
    } finally {
      loads.close();
      autoscalingRows(cycles, report);
      report.line("load average (1 min) during autoscaling: " + loads.summary());
    }
  }

  private static void autoscalingRows(List<AutoscalingReaction.Cycle> cycles, WebReport report) {
    if (cycles.isEmpty()) {
      return;
    }
    String n = " (median of " + cycles.size() + ")";
    report.info("load step -> autoscale.out decided" + n, seconds(cycles, c -> c.decidedOut()));
    report.info("load step -> new backend RUNNING (API)" + n, seconds(cycles, c -> c.running()));
    report.info(
        "load step -> new backend answers /whoami.php" + n, seconds(cycles, c -> c.serving()));
    report.info(
        "  the same, worst cycle",
        String.format(
            Locale.ROOT,
            "%.1f s",
            cycles.stream().mapToDouble(c -> c.serving()).max().orElse(Double.NaN)));
    report.info("load stop -> autoscale.in decided" + n, seconds(cycles, c -> c.decidedIn()));
    report.info("load stop -> spec back at 1 backend" + n, seconds(cycles, c -> c.countBack()));
    report.info(
        "load stop -> 2nd backend instance gone" + n, seconds(cycles, c -> c.instanceGone()));
    report.info(
        "failed requests during the load steps",
        Long.toString(cycles.stream().mapToLong(c -> c.failedRequests()).sum()));
    report.line(
        "autoscaling cycles ("
            + AutoscalingReaction.CLIENTS
            + " back-to-back clients on "
            + PAGE
            + " as the load step; times from the step, or from its end):");
    for (int i = 0; i < cycles.size(); i++) {
      report.line("  cycle " + (i + 1) + ": " + describe(cycles.get(i)));
      report.line("    decision: " + cycles.get(i).outDetail());
    }
  }

  private static String describe(AutoscalingReaction.Cycle c) {
    return String.format(
        Locale.ROOT,
        "out decided %.1f s, RUNNING %.1f s, %s answers %.1f s (%d requests, %d failed, p95 %.0f"
            + " ms); in decided %.1f s, spec at 1 %.1f s, instance gone %.1f s",
        c.decidedOut(),
        c.running(),
        c.newBackend(),
        c.serving(),
        c.requests(),
        c.failedRequests(),
        c.loadP95Millis(),
        c.decidedIn(),
        c.countBack(),
        c.instanceGone());
  }

  private static String seconds(
      List<AutoscalingReaction.Cycle> cycles, ToDoubleFunction<AutoscalingReaction.Cycle> figure) {
    double[] sorted = cycles.stream().mapToDouble(figure).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return String.format(Locale.ROOT, "%.1f s", median);
  }

  /** The worker counts and limits the role scripts rendered into a proxy's and a backend's conf. */
  private static String sizes(Path proxyState, Path backendState) throws IOException {
    Path conf = Path.of("conf");
    String fpm = Files.readString(backendState.resolve(conf).resolve("php-fpm.conf"));
    String nginx = Files.readString(backendState.resolve(conf).resolve("nginx.conf"));
    String haproxy = Files.readString(proxyState.resolve(conf).resolve("haproxy.cfg"));
    return "php-fpm "
        + find(fpm, "pm\\s*=\\s*(\\w+)")
        + " "
        + find(fpm, "pm\\.max_children\\s*=\\s*(\\d+)")
        + " children, nginx "
        + find(nginx, "worker_processes\\s+(\\d+);")
        + " worker, HAProxy maxconn "
        + find(haproxy, "\\n\\s*maxconn\\s+(\\d+)")
        + " nbthread "
        + find(haproxy, "\\n\\s*nbthread\\s+(\\d+)");
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    return matcher.find() ? matcher.group(1) : "?";
  }

  private String title() {
    return String.format(
        Locale.ROOT,
        "MEC-ConPaaS web benchmark %s: %s through HAProxy -> nginx -> php-fpm, %d clients,"
            + " %d rounds x 3 targets x %d s; %d autoscaling cycles; %d CPUs",
        stamp,
        PAGE,
        options.clients(),
        options.rounds(),
        options.seconds(),
        options.cycles(),
        Runtime.getRuntime().availableProcessors());
  }

  static void progress(String message) {
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
              // exit runs the shutdown hooks that stop the bare daemons, the master and the edge
              System.exit(2);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}

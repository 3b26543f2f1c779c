package org.mecconpaas.it.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.it.MasterSetup;

/**
 * The edge benchmark, run by {@code bench/edge.sh}: against the real distribution with an emulated
 * edge, per container runtime, the time from the API's {@code start} to a RUNNING service, from a
 * scale request to the new instance running, from a node's death to its instance running elsewhere,
 * and the resident memory of a node agent running 5 instances (see {@link RuntimeBench}). Prints
 * one table per runtime and writes it under {@code it/target/bench-results}.
 *
 * <p>Options: {@code --runtime process|lxc|both} (default process), {@code --runs N} (default 20:
 * starts and scale-outs), {@code --failures N} (default 3: node failures, one master each). Exit
 * code 0 when every target is met, 1 when one is missed, 2 when the run itself failed. Needs the
 * system properties {@code mec.launcher} and {@code mec.bench.out}.
 */
public final class EdgeBenchmark {

  /** A hung step must not hold the machine's only emulated edge forever. */
  private static final Duration RUN_LIMIT = Duration.ofHours(4);

  /** The options; {@link #parse} explains them. */
  record Options(List<String> runtimes, int runs, int failures) {}

  private final Path launcher;
  private final Path outDir;
  private final Options options;
  private final String stamp;

  EdgeBenchmark(Path launcher, Path outDir, Options options) {
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
      System.err.println("edge benchmark: " + e.getMessage());
      System.err.println(
          "usage: bench/edge.sh [--runtime process|lxc|both] [--runs N] [--failures N]");
      System.exit(2);
      return;
    }
    startWatchdog();
    int exitCode;
    try {
      exitCode =
          new EdgeBenchmark(
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
    List<String> runtimes = List.of("process");
    int runs = 20;
    int failures = 3;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--runtime" ->
            runtimes =
                switch (value) {
                  case "process", "lxc" -> List.of(value);
                  case "both" -> List.of("process", "lxc");
                  default ->
                      throw new IllegalArgumentException("--runtime is process, lxc or both");
                };
        case "--runs" -> runs = positive(option, value);
        case "--failures" -> failures = positive(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new Options(runtimes, runs, failures);
  }

  private static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive number: " + value);
  }

  int run() throws Exception {
    Path workDir = outDir.resolve("bench").resolve("edge-" + stamp);
    progress("masters' data and logs in " + workDir);
    boolean complete = true;
    boolean met = true;
    List<Path> written = new ArrayList<>();
    for (String runtime : options.runtimes()) {
      long began = System.nanoTime();
      Report report = new Report(title(runtime));
      complete &=
          new RuntimeBench(
                  launcher,
                  workDir.resolve(runtime),
                  runtime,
                  options.runs(),
                  options.failures(),
                  report)
              .run();
      report.info(
          "benchmark wall time for this runtime",
          String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - began) / 60e9));
      met &= report.allTargetsMet();
      Path results =
          outDir.resolve("bench-results").resolve("edge-" + runtime + "-" + stamp + ".txt");
      report.write(results);
      written.add(results);
      System.out.println();
      System.out.print(report.render());
    }
    written.forEach(path -> System.out.println("results written to " + path));
    return !complete ? 2 : met ? 0 : 1;
  }

  private String title(String runtime) {
    return String.format(
        Locale.ROOT,
        "MEC-ConPaaS edge benchmark %s, runtime %s: %d starts, %d scale-outs, %d node failures;"
            + " polls every %d ms; %d CPUs",
        stamp,
        runtime,
        options.runs(),
        options.runs(),
        options.failures(),
        BenchService.POLL_MILLIS,
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
              // Exit runs the shutdown hooks of RunningMaster and BenchEdge, which stop the edge.
              System.exit(2);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}

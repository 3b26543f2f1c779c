package org.mecconpaas.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecconpaas.it.FaceDetectionFiles;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.bench.FlinkBenchEdge.Profile;
import org.mecconpaas.it.bench.PlatformRuns.VideoResult;

/**
 * The paper's evaluation through the platform, run by {@code bench/flink-platform.sh} after {@code
 * bench/flink-bare.sh}: the face-detection job on the same videos with the same parallelism, run
 * through the API of a real master on a Flink service of 1 JobManager and 2 TaskManagers on
 * emulated nodes, once with unlimited nodes and once with Raspberry Pi 3 nodes; compared per video
 * with the bare baseline's figures (platform overhead, target at most 5 %) and between the two
 * profiles. Prints a table per video and writes the tables and a chart to the output directory.
 *
 * <p>Options: {@code --bare RESULTS.txt} (required: flink-bare.sh's results), {@code --bare-boards
 * RESULTS.txt} (flink-bare.sh --cpu-per-jvm --boards: the like-for-like baseline), {@code --out
 * DIR}, {@code --runs N} (5), {@code --parallelism P} (2), {@code --profiles unlimited,rpi3}
 * (both), then videos (default: the test videos megamind, messi, vtest). Exit code 0 every target
 * met, 1 one missed, 2 the run failed. Needs the system property {@code mec.launcher}.
 */
public final class FlinkBenchmark {
  static final double OVERHEAD_TARGET_PERCENT = 5;
  private static final Duration RUN_LIMIT = Duration.ofHours(2);
  private static final Duration CLUSTER_LIMIT = Duration.ofMinutes(5);

  /**
   * The parsed command line.
   *
   * @param bare flink-bare.sh's results without CPU limits
   * @param bareBoards flink-bare.sh's results with each JVM on an emulated board and held to a
   *     Flink instance's CPU (the like-for-like baseline the target is judged against), or null
   */
  record Options(
      Path bare,
      Path bareBoards,
      Path out,
      int runs,
      int parallelism,
      List<Profile> profiles,
      List<Path> videos) {}

  private final Path launcher;
  private final Options options;
  private final Map<Profile, List<VideoResult>> results = new EnumMap<>(Profile.class);
  private final Map<Profile, List<String>> clusters = new EnumMap<>(Profile.class);

  FlinkBenchmark(Path launcher, Options options) {
    this.launcher = launcher;
    this.options = options;
  }

  public static void main(String[] args) {
    int exitCode;
    try {
      Options options = FlinkBenchmarkOptions.parse(args);
      startWatchdog();
      exitCode = new FlinkBenchmark(MasterSetup.pathProperty("mec.launcher"), options).run();
    } catch (IllegalArgumentException e) {
      System.err.println("flink benchmark: " + e.getMessage());
      System.err.println(FlinkBenchmarkOptions.USAGE);
      exitCode = 2;
    } catch (Exception | Error e) {
      System.err.println("flink benchmark failed:");
      e.printStackTrace();
      exitCode = 2;
    }
    System.exit(exitCode);
  }

  int run() throws Exception {
    BareBaseline bare = BareBaseline.read(options.bare());
    BareBaseline bareBoards =
        options.bareBoards() == null ? null : BareBaseline.read(options.bareBoards());
    FaceDetectionFiles files = FaceDetectionFiles.of(launcher);
    List<Path> videos = options.videos();
    if (videos.isEmpty()) {
      videos =
          List.of("megamind", "messi", "vtest").stream().map(v -> files.video(v + ".avi")).toList();
    }
    Files.createDirectories(options.out());
    byte[] jar = Files.readAllBytes(files.jobJar());
    boolean complete = true;
    for (Profile profile : options.profiles()) {
      try {
        results.put(profile, measure(profile, jar, videos));
      } catch (Exception e) {
        complete = false;
        System.err.println("flink benchmark: the " + profile + " case failed:");
        e.printStackTrace();
        clusters.computeIfAbsent(profile, p -> new ArrayList<>()).add("FAILED: " + e);
      }
    }
    FlinkReport report =
        new FlinkReport(bare, bareBoards, results, clusters, options.runs(), options.parallelism());
    System.out.println();
    System.out.print(report.text());
    report.write(options.out());
    System.out.println("results, chart and report in " + options.out());
    return !complete || report.hasProblems() ? 2 : report.targetsMet() ? 0 : 1;
  }

  /** One profile: a fresh master and edge, the service, then every video {@code runs} times. */
  private List<VideoResult> measure(Profile profile, byte[] jar, List<Path> videos)
      throws Exception {
    Path work = options.out().resolve(profile.name().toLowerCase(Locale.ROOT));
    progress("platform, " + profile.description + ": master, edge and outputs in " + work);
    List<VideoResult> measured = new ArrayList<>();
    try (FlinkBenchEdge edge = FlinkBenchEdge.start(launcher, work, profile)) {
      long start = System.nanoTime();
      edge.flink().create();
      edge.flink().start();
      edge.flink().awaitRunning(2, CLUSTER_LIMIT);
      List<String> facts = new ArrayList<>();
      facts.add(
          String.format(
              Locale.ROOT,
              "Flink service RUNNING, 2 TaskManagers registered, %.1f s after start",
              (System.nanoTime() - start) / 1e9));
      facts.addAll(FlinkClusterFacts.of(edge));
      clusters.put(profile, facts);
      facts.forEach(f -> progress("  " + f));
      int version = edge.flink().upload("face-detection.jar", jar);
      Path outputs = FaceDetectionFiles.openDirectory(work.resolve("out"));
      PlatformRuns runs = new PlatformRuns(edge.flink(), version, options.parallelism(), outputs);
      // one job first, not counted, as bench/flink-bare.sh does: fresh TaskManagers load and
      // compile Flink's and the job's classes during their first job
      runs.run(videos.get(0), 1);
      for (Path video : videos) {
        measured.add(runs.run(video, options.runs()));
      }
      facts.add("load average at the end: " + FlinkClusterFacts.loadAverage());
    }
    return measured;
  }

  static void progress(String message) {
    System.out.println("flink bench: " + message);
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
              System.err.println("flink benchmark: still running after " + RUN_LIMIT);
              System.exit(2); // the shutdown hooks stop the masters and edges
            },
            "flink-bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}

package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecconpaas.it.bench.FlinkBenchEdge.Profile;

/**
 * Pools several runs of {@code bench/flink-platform.sh}: one run's mean of three jobs moves by a
 * few percent from run to run on a shared machine, as much as the overhead it is meant to show, so
 * the target is judged on the runs together. Per video: each run's baseline and platform times (the
 * paper's mean without the fastest and the slowest job), the pooled overhead (the platform's mean
 * over the runs against the baseline's), and the mean of the runs' overheads with its 95 %
 * confidence interval (Student's t).
 *
 * <p>The baseline of a run is its like-for-like bare cluster ({@code bare-boards-results.txt}) when
 * it ran one, else the bare cluster without limits ({@code bare-results.txt}); the platform's side
 * is the run's {@code platform-PROFILE-results.txt}.
 */
final class FlinkRunsSummary {
  static final String USAGE =
      "usage: FlinkRunsSummary [--profile unlimited|rpi3] RUN_DIR RUN_DIR...";

  /** Two-sided 95 % quantiles of Student's t for 1 to 10 degrees of freedom. */
  private static final double[] T_95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228
  };

  /** One run's times of one video: the baseline's and the platform's, in ms. */
  record RunTimes(String run, String baseline, long bareMillis, long platformMillis) {
    double overheadPercent() {
      return 100.0 * (platformMillis - bareMillis) / bareMillis;
    }
  }

  /** What the runs say of one video. */
  record VideoSummary(String video, List<RunTimes> runs) {
    double pooledOverheadPercent() {
      double bare = runs.stream().mapToLong(RunTimes::bareMillis).average().orElseThrow();
      double platform = runs.stream().mapToLong(RunTimes::platformMillis).average().orElseThrow();
      return 100.0 * (platform - bare) / bare;
    }

    double meanOverheadPercent() {
      return runs.stream().mapToDouble(RunTimes::overheadPercent).average().orElseThrow();
    }

    /** Half the width of the 95 % confidence interval of the mean overhead; NaN for one run. */
    double confidenceHalfWidth() {
      int n = runs.size();
      if (n < 2) {
        return Double.NaN;
      }
      double mean = meanOverheadPercent();
      double squares =
          runs.stream().mapToDouble(r -> Math.pow(r.overheadPercent() - mean, 2)).sum();
      double t = n - 1 <= T_95.length ? T_95[n - 2] : 1.96;
      return t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    boolean targetMet() {
      return pooledOverheadPercent() <= FlinkBenchmark.OVERHEAD_TARGET_PERCENT;
    }
  }

  private final Profile profile;
  private final List<VideoSummary> videos;

  private FlinkRunsSummary(Profile profile, List<VideoSummary> videos) {
    this.profile = profile;
    this.videos = videos;
  }

  /** Reads the runs; every run must have measured every video of the first one. */
  static FlinkRunsSummary of(Profile profile, List<Path> runDirs) throws IOException {
    if (runDirs.isEmpty()) {
      throw new IllegalArgumentException("no run directories");
    }
    Map<String, List<RunTimes>> byVideo = new LinkedHashMap<>();
    for (Path dir : runDirs) {
      String run = dir.getFileName().toString();
      Path boards = dir.resolve("bare-boards-results.txt");
      boolean likeForLike = Files.isRegularFile(boards);
      String baseline = likeForLike ? FlinkReport.LIKE_FOR_LIKE : FlinkReport.NO_LIMIT;
      BareBaseline bare = readTable(likeForLike ? boards : dir.resolve("bare-results.txt"));
      BareBaseline platform = readTable(dir.resolve(FlinkReport.platformResultsFile(profile)));
      if (byVideo.isEmpty()) {
        platform.videos().keySet().forEach(v -> byVideo.put(v, new ArrayList<>()));
      }
      for (Map.Entry<String, List<RunTimes>> video : byVideo.entrySet()) {
        BareBaseline.Row bareRow = bare.videos().get(video.getKey());
        BareBaseline.Row platformRow = platform.videos().get(video.getKey());
        if (bareRow == null || platformRow == null) {
          throw new IllegalArgumentException(
              run + " has no times for " + video.getKey() + " (every run needs the same videos)");
        }
        video
            .getValue()
            .add(
                new RunTimes(
                    run,
                    baseline,
                    bareRow.flinkMillis().trimmedMean(),
                    platformRow.flinkMillis().trimmedMean()));
      }
    }
    List<VideoSummary> videos = new ArrayList<>();
    byVideo.forEach((video, runs) -> videos.add(new VideoSummary(video, List.copyOf(runs))));
    return new FlinkRunsSummary(profile, List.copyOf(videos));
  }

  private static BareBaseline readTable(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file
              + " is missing: not a run directory of bench/flink-platform.sh, or one whose"
              + " platform part did not finish");
    }
    return BareBaseline.read(file);
  }

  List<VideoSummary> videos() {
    return videos;
  }

  boolean targetsMet() {
    return videos.stream().allMatch(VideoSummary::targetMet);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    int runs = videos.get(0).runs().size();
    text.append(
        format(
            "Face detection, platform (%s) against bare Flink over %d runs: Flink's job duration"
                + " in ms, each run's mean without its fastest and slowest job%n",
            profile == Profile.RPI3 ? "Pi 3 nodes" : "unlimited nodes", runs));
    for (VideoSummary video : videos) {
      text.append(format("%n%s%n", video.video()));
      text.append(
          format("  %-28s %-20s %8s %9s %9s%n", "run", "baseline", "bare", "platform", "overhead"));
      for (RunTimes run : video.runs()) {
        text.append(
            format(
                "  %-28s %-20s %8d %9d %+8.1f %%%n",
                run.run(),
                run.baseline(),
                run.bareMillis(),
                run.platformMillis(),
                run.overheadPercent()));
      }
      double half = video.confidenceHalfWidth();
      text.append(
          format(
              "  pooled overhead %+.1f %%  target <= %.0f %%: %s; mean of the runs %+.1f %%%s%n",
              video.pooledOverheadPercent(),
              FlinkBenchmark.OVERHEAD_TARGET_PERCENT,
              video.targetMet() ? "PASS" : "MISS",
              video.meanOverheadPercent(),
              Double.isNaN(half) ? "" : format(", 95 %% confidence interval +-%.1f", half)));
    }
    return text.toString();
  }

  /** Prints the summary; exit code 0 every video meets the target, 1 one misses, 2 bad input. */
  public static void main(String[] args) {
    int exitCode;
    try {
      Profile profile = Profile.UNLIMITED;
      List<Path> dirs = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--profile") && i + 1 < args.length) {
          profile = Profile.valueOf(args[++i].toUpperCase(Locale.ROOT));
        } else if (args[i].startsWith("-")) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        } else {
          dirs.add(Path.of(args[i]));
        }
      }
      FlinkRunsSummary summary = of(profile, dirs);
      System.out.print(summary.text());
      exitCode = summary.targetsMet() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println("flink summary: " + e.getMessage());
      System.err.println(USAGE);
      exitCode = 2;
    } catch (IOException e) {
      System.err.println("flink summary: cannot read a run: " + e.getMessage());
      exitCode = 2;
    }
    System.exit(exitCode);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecconpaas.it.bench.FlinkBenchEdge.Profile;
import org.mecconpaas.it.bench.PlatformRuns.VideoResult;

/**
 * The Flink benchmark's figures: a table per video (bare, platform on unlimited nodes, platform on
 * Pi 3 nodes; the overhead against bare and the Pi 3 / unlimited ratio), the clusters' facts, and a
 * chart. The overhead target applies to the platform on unlimited nodes; without that case, to the
 * Pi 3 one. It is judged against the like-for-like baseline when there is one (bare JVMs on
 * emulated boards with the edge's links, held to the CPU the platform gives each Flink instance),
 * else against bare Flink on loopback without limits; the overhead against the other is printed
 * beside it.
 */
final class FlinkReport {
  private static final String ROW = "  %-34s %8s %8s %8s %12s  %s%n";

  /** The baselines' setups, as the tables and bench/flink-summary.sh name them. */
  static final String NO_LIMIT = "no CPU limit";

  static final String LIKE_FOR_LIKE = "same CPU and links";

  /**
   * A bare baseline as the report shows it.
   *
   * @param setup what sets it apart, after "bare Flink, " in the tables and the chart
   * @param title the heading of its description
   */
  private record Baseline(String setup, String title, BareBaseline results) {
    BareBaseline.Row row(String video) {
      return results.videos().get(video);
    }

    String label() {
      return "bare Flink, " + setup;
    }
  }

  /** The bare baselines in the order they are shown; the last is the reference. */
  private final List<Baseline> baselines;

  private final Map<Profile, List<VideoResult>> results;
  private final Map<Profile, List<String>> clusters;
  private final int runs;
  private final int parallelism;

  FlinkReport(
      BareBaseline bare,
      BareBaseline bareBoards,
      Map<Profile, List<VideoResult>> results,
      Map<Profile, List<String>> clusters,
      int runs,
      int parallelism) {
    List<Baseline> shown = new ArrayList<>();
    shown.add(new Baseline(NO_LIMIT, "bare baseline (bench/flink-bare.sh)", bare));
    if (bareBoards != null) {
      shown.add(
          new Baseline(
              LIKE_FOR_LIKE,
              "like-for-like bare baseline (bench/flink-bare.sh --cpu-per-jvm --boards)",
              bareBoards));
    }
    this.baselines = List.copyOf(shown);
    this.results = results;
    this.clusters = clusters;
    this.runs = runs;
    this.parallelism = parallelism;
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append(
        format(
            "Face detection, bare Flink vs. the platform: Flink's job duration in ms, mean of %d"
                + " runs without the fastest and the slowest; parallelism %d; %d CPUs%n",
            runs, parallelism, Runtime.getRuntime().availableProcessors()));
    for (VideoResult reference : results.values().stream().findFirst().orElse(List.of())) {
      text.append(System.lineSeparator()).append(videoTable(reference.video()));
    }
    for (Map.Entry<Profile, List<String>> cluster : clusters.entrySet()) {
      text.append(format("%nplatform, %s:%n", cluster.getKey().description));
      cluster.getValue().forEach(fact -> text.append("  ").append(fact).append('\n'));
    }
    for (Baseline baseline : baselines) {
      text.append(format("%n%s:%n", baseline.title()));
      baseline.results().header().forEach(line -> text.append("  ").append(line).append('\n'));
      baseline.results().footer().forEach(line -> text.append("  ").append(line).append('\n'));
    }
    for (List<VideoResult> measured : results.values()) {
      measured.forEach(r -> r.problems().forEach(p -> text.append(r.video() + ": " + p + "\n")));
    }
    return text.toString();
  }

  private String videoTable(String video) {
    BareBaseline.Row first = baselines.get(0).row(video);
    BareBaseline.Row reference = reference().row(video);
    StringBuilder table = new StringBuilder();
    VideoResult any = result(targetProfile(), video);
    table.append(
        format(
            "%s: %d frames, faces in %s (bare) / %d (platform)%n",
            video,
            any.frames(),
            first == null ? "?" : first.framesWithFaces(),
            any.framesWithFaces()));
    table.append(format(ROW, "setup", "mean", "min", "max", "submit->end", "vs bare"));
    for (Baseline baseline : baselines) {
      appendBareRow(table, baseline.label(), baseline.row(video));
    }
    for (Profile profile : results.keySet()) {
      VideoResult result = result(profile, video);
      JobTimes times = result.flinkMillis();
      String versus = "no baseline";
      if (reference != null) {
        double overhead = overheadPercent(reference, result);
        versus = format("%+.1f %%", overhead);
        if (profile == targetProfile()) {
          versus +=
              format(
                  "  target <= %.0f %%: %s",
                  FlinkBenchmark.OVERHEAD_TARGET_PERCENT,
                  overhead <= FlinkBenchmark.OVERHEAD_TARGET_PERCENT ? "PASS" : "MISS");
        }
        for (Baseline other : baselines.subList(0, baselines.size() - 1)) {
          if (other.row(video) != null) {
            versus +=
                format(
                    "; %+.1f %% against %s",
                    overheadPercent(other.row(video), result), other.setup());
          }
        }
      }
      table.append(
          format(
              ROW,
              "platform, " + label(profile),
              times.trimmedMean(),
              times.min(),
              times.max(),
              result.submitToEndMillis().trimmedMean(),
              versus));
    }
    if (results.containsKey(Profile.RPI3) && results.containsKey(Profile.UNLIMITED)) {
      table.append(
          format(
              "  Pi 3 nodes / unlimited nodes: %.2fx%n",
              result(Profile.RPI3, video).flinkMillis().trimmedMean()
                  / (double) result(Profile.UNLIMITED, video).flinkMillis().trimmedMean()));
    }
    return table.toString();
  }

  private static void appendBareRow(StringBuilder table, String label, BareBaseline.Row row) {
    if (row != null) {
      JobTimes times = row.flinkMillis();
      table.append(
          format(
              ROW,
              label,
              times.trimmedMean(),
              times.min(),
              times.max(),
              row.submitToEndMillis(),
              "-"));
    }
  }

  boolean targetsMet() {
    Profile target = targetProfile();
    return target != null
        && results.get(target).stream()
            .allMatch(
                r -> {
                  BareBaseline.Row baseline = reference().row(r.video());
                  return baseline != null
                      && overheadPercent(baseline, r) <= FlinkBenchmark.OVERHEAD_TARGET_PERCENT;
                });
  }

  boolean hasProblems() {
    return results.isEmpty()
        || results.values().stream().flatMap(List::stream).anyMatch(r -> !r.problems().isEmpty());
  }

  /**
   * Writes results.txt, chart.svg and report.html (the text and the chart in one page), and per
   * profile platform-PROFILE-results.txt, the platform's times in flink-bare.sh's table (what
   * bench/flink-summary.sh pools over runs).
   */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<Profile, List<VideoResult>> measured : results.entrySet()) {
      Map<String, BareBaseline.Row> rows = new LinkedHashMap<>();
      measured
          .getValue()
          .forEach(
              r ->
                  rows.put(
                      r.video(),
                      new BareBaseline.Row(
                          r.frames(),
                          r.framesWithFaces(),
                          r.flinkMillis(),
                          r.submitToEndMillis().trimmedMean())));
      Files.writeString(
          dir.resolve(platformResultsFile(measured.getKey())),
          BareBaseline.table(
              List.of(
                  format(
                      "Face detection through the platform, %s; parallelism %d, %d runs per"
                          + " video",
                      measured.getKey().description, parallelism, runs)),
              rows),
          StandardCharsets.UTF_8);
    }
    String text = text();
    String svg = chart().svg();
    Files.writeString(dir.resolve("results.txt"), text, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("chart.svg"), svg, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.html"),
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Face detection: bare Flink"
            + " vs. the platform</title></head>\n<body>\n"
            + svg
            + "<pre>"
            + TimesChart.escape(text)
            + "</pre>\n</body></html>\n",
        StandardCharsets.UTF_8);
  }

  private TimesChart chart() {
    TimesChart chart =
        new TimesChart("Face detection: Flink job duration per video (" + runs + " runs)");
    for (VideoResult reference : results.values().stream().findFirst().orElse(List.of())) {
      for (Baseline baseline : baselines) {
        BareBaseline.Row row = baseline.row(reference.video());
        if (row != null) {
          chart.add(baseline.label(), reference.video(), row.flinkMillis());
        }
      }
      for (Profile profile : results.keySet()) {
        chart.add(
            "platform, " + label(profile),
            reference.video(),
            result(profile, reference.video()).flinkMillis());
      }
    }
    return chart;
  }

  /** The baseline the target is judged against. */
  private Baseline reference() {
    return baselines.get(baselines.size() - 1);
  }

  private Profile targetProfile() {
    return results.containsKey(Profile.UNLIMITED)
        ? Profile.UNLIMITED
        : results.keySet().stream().findFirst().orElse(null);
  }

  private VideoResult result(Profile profile, String video) {
    return results.get(profile).stream()
        .filter(r -> r.video().equals(video))
        .findFirst()
        .orElseThrow();
  }

  private static double overheadPercent(BareBaseline.Row baseline, VideoResult result) {
    long bareMillis = baseline.flinkMillis().trimmedMean();
    return 100.0 * (result.flinkMillis().trimmedMean() - bareMillis) / bareMillis;
  }

  /** The file {@link #write} puts a profile's times in. */
  static String platformResultsFile(Profile profile) {
    return "platform-" + profile.name().toLowerCase(Locale.ROOT) + "-results.txt";
  }

  private static String label(Profile profile) {
    return profile == Profile.RPI3 ? "Pi 3 nodes" : "unlimited nodes";
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

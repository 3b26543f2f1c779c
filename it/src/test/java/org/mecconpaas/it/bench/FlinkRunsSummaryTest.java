package org.mecconpaas.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.it.bench.FlinkBenchEdge.Profile;

class FlinkRunsSummaryTest {
  @TempDir Path runs;

  @Test
  void poolsTheRunsAgainstTheirLikeForLikeBaselines() throws IOException {
    // megamind: +3, +5, +4 %; the no-limit baseline is there too but must not be used
    Path a =
        run("flink-a", "bare-boards-results.txt", Map.of("megamind", 10_000L, "messi", 2_000L));
    table(a, "bare-results.txt", Map.of("megamind", 1L, "messi", 1L));
    table(a, platform(), Map.of("megamind", 10_300L, "messi", 2_200L));
    Path b =
        run("flink-b", "bare-boards-results.txt", Map.of("megamind", 10_000L, "messi", 2_000L));
    table(b, platform(), Map.of("megamind", 10_500L, "messi", 2_000L));
    Path c =
        run("flink-c", "bare-boards-results.txt", Map.of("megamind", 10_000L, "messi", 2_000L));
    table(c, platform(), Map.of("megamind", 10_400L, "messi", 2_000L));

    FlinkRunsSummary summary = FlinkRunsSummary.of(Profile.UNLIMITED, List.of(a, b, c));

    FlinkRunsSummary.VideoSummary megamind = summary.videos().get(0);
    assertEquals("megamind", megamind.video());
    assertEquals(List.of(3.0, 5.0, 4.0), overheads(megamind));
    assertEquals(4.0, megamind.pooledOverheadPercent(), 1e-9);
    assertEquals(4.0, megamind.meanOverheadPercent(), 1e-9);
    // standard deviation 1, t(2) = 4.303, over the square root of 3 runs
    assertEquals(4.303 / Math.sqrt(3), megamind.confidenceHalfWidth(), 1e-9);
    assertTrue(megamind.targetMet());
    // messi: +10 % in one run, 0 in two: pooled +3.3 %, within the target although one run missed
    FlinkRunsSummary.VideoSummary messi = summary.videos().get(1);
    assertEquals(10.0 / 3, messi.pooledOverheadPercent(), 1e-9);
    assertTrue(summary.targetsMet());
    String text = summary.text();
    assertTrue(text.contains("pooled overhead +4.0 %  target <= 5 %: PASS"), text);
    assertTrue(text.contains("95 % confidence interval +-2.5"), text);
    assertTrue(text.contains("same CPU and links"), text);
  }

  @Test
  void aRunWithoutTheLikeForLikeBaselineIsComparedWithBareWithoutLimits() throws IOException {
    Path a = run("flink-a", "bare-results.txt", Map.of("vtest", 9_000L));
    table(a, platform(), Map.of("vtest", 9_630L));

    FlinkRunsSummary summary = FlinkRunsSummary.of(Profile.UNLIMITED, List.of(a));

    FlinkRunsSummary.VideoSummary vtest = summary.videos().get(0);
    assertEquals(7.0, vtest.pooledOverheadPercent(), 1e-9);
    assertTrue(Double.isNaN(vtest.confidenceHalfWidth()), "one run has no interval");
    assertFalse(summary.targetsMet());
    assertTrue(summary.text().contains("no CPU limit"), summary.text());
    assertTrue(summary.text().contains("target <= 5 %: MISS"), summary.text());
  }

  @Test
  void refusesARunWithoutThePlatformsTimesOrWithOtherVideos() throws IOException {
    Path complete = run("flink-a", "bare-results.txt", Map.of("vtest", 9_000L));
    table(complete, platform(), Map.of("vtest", 9_100L));
    Path unfinished = run("flink-b", "bare-results.txt", Map.of("vtest", 9_000L));
    Path other = run("flink-c", "bare-results.txt", Map.of("messi", 2_000L));
    table(other, platform(), Map.of("messi", 2_100L));

    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> FlinkRunsSummary.of(Profile.UNLIMITED, List.of(complete, unfinished)));
    assertTrue(missing.getMessage().contains("platform-unlimited-results.txt is missing"));
    IllegalArgumentException videos =
        assertThrows(
            IllegalArgumentException.class,
            () -> FlinkRunsSummary.of(Profile.UNLIMITED, List.of(complete, other)));
    assertTrue(videos.getMessage().contains("flink-c has no times for vtest"));
  }

  private static List<Double> overheads(FlinkRunsSummary.VideoSummary video) {
    return video.runs().stream().map(r -> Math.round(r.overheadPercent() * 1000) / 1000.0).toList();
  }

  private static String platform() {
    return FlinkReport.platformResultsFile(Profile.UNLIMITED);
  }

  private Path run(String name, String baselineFile, Map<String, Long> millis) throws IOException {
    Path dir = Files.createDirectories(runs.resolve(name));
    table(dir, baselineFile, millis);
    return dir;
  }

  /** A results table as flink-bare.sh and FlinkReport write it, with these trimmed means. */
  private static void table(Path dir, String file, Map<String, Long> millis) throws IOException {
    Map<String, BareBaseline.Row> rows = new LinkedHashMap<>();
    millis.keySet().stream()
        .sorted()
        .forEach(
            video -> {
              long mean = millis.get(video);
              rows.put(
                  video,
                  new BareBaseline.Row(
                      100, 50, JobTimes.summarised(mean, mean - 100, mean + 100), mean + 500));
            });
    Files.writeString(dir.resolve(file), BareBaseline.table(List.of("a header line"), rows));
  }
}

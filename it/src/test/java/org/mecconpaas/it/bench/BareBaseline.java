package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bare-Flink baseline as {@code bench/flink-bare.sh} wrote it to its {@code results.txt}: a
 * header, then per video {@code name frames w/faces time(ms) min max submit->done}. The platform's
 * side of a run is written in the same table ({@link #table}), so that {@link FlinkRunsSummary}
 * reads both with {@link #read}.
 *
 * @param header the script's description of its cluster and the load at its start
 * @param videos per video name, in the script's order
 * @param footer its last lines (the load at its end)
 */
record BareBaseline(List<String> header, Map<String, Row> videos, List<String> footer) {

  /** One video's line. */
  record Row(int frames, int framesWithFaces, JobTimes flinkMillis, long submitToEndMillis) {}

  /** flink-bare.sh's column layout (its printf), heading and rows alike. */
  private static final String COLUMNS = "%-16s %7s %8s %10s %9s %9s %14s%n";

  /** The table as flink-bare.sh writes it: the header lines, the heading, a row per video. */
  static String table(List<String> header, Map<String, Row> videos) {
    StringBuilder text = new StringBuilder();
    header.forEach(line -> text.append(line).append('\n'));
    text.append(
        String.format(
            Locale.ROOT,
            COLUMNS,
            "video",
            "frames",
            "w/faces",
            "time(ms)",
            "min",
            "max",
            "submit->done"));
    videos.forEach(
        (video, row) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    COLUMNS,
                    video,
                    row.frames(),
                    row.framesWithFaces(),
                    row.flinkMillis().trimmedMean(),
                    row.flinkMillis().min(),
                    row.flinkMillis().max(),
                    row.submitToEndMillis())));
    return text.toString();
  }

  static BareBaseline read(Path results) throws IOException {
    List<String> lines = Files.readAllLines(results);
    Map<String, Row> videos = new LinkedHashMap<>();
    int firstRow = -1;
    int lastRow = -1;
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).trim().split("\\s+");
      if (cells.length == 7 && cells[1].matches("\\d+") && cells[6].matches("\\d+")) {
        long[] n = new long[6];
        for (int c = 1; c < 7; c++) {
          n[c - 1] = Long.parseLong(cells[c]);
        }
        videos.put(
            cells[0], new Row((int) n[0], (int) n[1], JobTimes.summarised(n[2], n[3], n[4]), n[5]));
        firstRow = firstRow < 0 ? i : firstRow;
        lastRow = i;
      }
    }
    if (videos.isEmpty()) {
      throw new IllegalArgumentException("no video rows in " + results);
    }
    return new BareBaseline(
        lines.subList(0, Math.max(0, firstRow - 1)),
        videos,
        lines.subList(lastRow + 1, lines.size()));
  }
}

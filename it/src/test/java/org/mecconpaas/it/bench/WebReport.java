package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The web benchmark's table, as {@link Report} prints its tables, but with a lower bound as target
 * (a ratio of request rates), then the rounds and notes as plain lines.
 */
final class WebReport {

  /** One line; {@code target} and {@code pass} are null for figures without a target. */
  private record Row(String metric, String value, String target, Boolean pass) {}

  private final String title;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  WebReport(String title) {
    this.title = title;
  }

  /** A figure with a lower bound; {@code ok} can veto a PASS, e.g. when requests failed. */
  void atLeast(String metric, double value, double limit, boolean ok) {
    rows.add(
        new Row(
            metric,
            String.format(Locale.ROOT, "%.2f", value),
            String.format(Locale.ROOT, ">= %.2f", limit),
            ok && value >= limit));
  }

  void info(String metric, String value) {
    rows.add(new Row(metric, value, null, null));
  }

  /** A line printed after the table. */
  void line(String text) {
    lines.add(text);
  }

  boolean allTargetsMet() {
    return rows.stream().allMatch(row -> row.pass() == null || row.pass());
  }

  String render() {
    String format = "%-60s %14s %10s  %s%n";
    StringBuilder text = new StringBuilder(title).append(System.lineSeparator());
    text.append(String.format(Locale.ROOT, format, "metric", "value", "target", "result"));
    for (Row row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              format,
              row.metric(),
              row.value(),
              row.target() == null ? "-" : row.target(),
              row.pass() == null ? "" : row.pass() ? "PASS" : "MISS"));
    }
    lines.forEach(line -> text.append(line).append(System.lineSeparator()));
    return text.toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }
}

package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as a table: value, target and PASS/MISS, plus figures for context. */
final class Report {

  /** One line; {@code target} and {@code pass} are null for figures without a target. */
  private record Row(String metric, String value, String target, Boolean pass) {}

  private final String title;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Report(String title) {
    this.title = title;
  }

  /** A figure with an upper bound; {@code ok} can veto a PASS, e.g. when requests failed. */
  void target(String metric, double value, double limit, String unit, boolean ok) {
    rows.add(
        new Row(metric, format(value, unit), "<= " + format(limit, unit), ok && value <= limit));
  }

  void info(String metric, String value) {
    rows.add(new Row(metric, value, null, null));
  }

  void note(String line) {
    notes.add(line);
  }

  boolean allTargetsMet() {
    return rows.stream().allMatch(row -> row.pass() == null || row.pass());
  }

  String render() {
    String format = "%-44s %12s %12s  %s%n";
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
    notes.forEach(note -> text.append(note).append(System.lineSeparator()));
    return text.toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  static String format(double value, String unit) {
    boolean whole = value >= 100 || value == Math.rint(value) || "MiB".equals(unit);
    String number =
        whole
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + unit;
  }
}

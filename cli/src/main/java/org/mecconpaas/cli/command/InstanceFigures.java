package org.mecconpaas.cli.command;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;

/**
 * The figures an instance reports ({@code cpuPercent}, {@code memoryMiB}, and a role's own such as
 * a proxy's {@code requestsPerSecond}) as table cells.
 */
final class InstanceFigures {

  /** Every instance has these; they lead, the role's own follow in name order. */
  private static final List<String> COMMON = List.of("cpuPercent", "memoryMiB");

  private InstanceFigures() {}

  /** One figure of an instance's latest {@code metrics}, or {@code null} before it reported. */
  static String latest(JsonObject instance, String figure) {
    return instance.get("metrics") instanceof JsonObject metrics
        ? Fields.figure(metrics, figure)
        : null;
  }

  /**
   * Samples {@code [{"time","values":{...}}]} as a table: the time, then one column per figure
   * named in any sample; a figure missing from a sample prints as "-".
   */
  static Table samples(JsonArray samples) {
    List<String> figures = figureNames(samples);
    List<String> headers = new ArrayList<>(List.of("TIME"));
    headers.addAll(figures);
    Table table = new Table(headers.toArray(String[]::new));
    for (JsonValue item : samples) {
      JsonObject sample = item.asJsonObject();
      JsonObject values =
          sample.get("values") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
      List<String> cells = new ArrayList<>(List.of(time(Fields.text(sample, "time"))));
      figures.forEach(figure -> cells.add(Fields.figure(values, figure)));
      table.row(cells.toArray(String[]::new));
    }
    return table;
  }

  // The master sends each sample's figures in no particular order; columns must not jump about.
  private static List<String> figureNames(JsonArray samples) {
    Set<String> own = new TreeSet<>();
    for (JsonValue item : samples) {
      if (item.asJsonObject().get("values") instanceof JsonObject values) {
        own.addAll(values.keySet());
      }
    }
    Set<String> names = new LinkedHashSet<>();
    COMMON.stream().filter(own::contains).forEach(names::add);
    names.addAll(own);
    return List.copyOf(names);
  }

  /** To the second: samples are seconds apart, and nanoseconds only widen the column. */
  private static String time(String instant) {
    if (instant == null) {
      return null;
    }
    try {
      return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * Chart.js line charts over time for {@code p:chart}, which takes the configuration as JSON and
 * draws it with the Chart.js that PrimeFaces bundles, together with moment.js and the moment date
 * adapter (no script from elsewhere). Points are epoch milliseconds on a time axis labelled
 * HH:mm:ss in the browser's time zone.
 */
public final class ChartConfig {
  static final String TIME_FORMAT = "HH:mm:ss";
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };

  private ChartConfig() {}

  /** One measured value. */
  public record Point(Instant time, double value) {}

  /** A value axis: {@code id} is what lines refer to; the first axis is on the left. */
  public record Axis(String id, String title) {}

  /** One line: {@code colour} indexes the palette, {@code dashed} tells a second figure apart. */
  public record Line(String label, int colour, boolean dashed, String axis, List<Point> points) {}

  /** The time the x axis spans, the same for charts shown side by side. */
  public record Span(Instant from, Instant to) {}

  public static String lines(String title, Span span, List<Axis> axes, List<Line> lines) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (Line line : lines) {
      datasets.add(dataset(line));
    }
    JsonObject config =
        Json.createObjectBuilder()
            .add("type", "line")
            .add("data", Json.createObjectBuilder().add("datasets", datasets))
            .add("options", options(title, span, axes))
            .build();
    // the configuration is written into a script element: never let a label close it
    return config.toString().replace("<", "\\u003c");
  }

  private static JsonObjectBuilder dataset(Line line) {
    JsonArrayBuilder points = Json.createArrayBuilder();
    for (Point p : line.points()) {
      points.add(
          Json.createObjectBuilder()
              .add("x", p.time().toEpochMilli())
              .add("y", Math.round(p.value() * 10) / 10.0));
    }
    String colour = COLOURS[line.colour() % COLOURS.length];
    JsonObjectBuilder dataset =
        Json.createObjectBuilder()
            .add("label", line.label())
            .add("data", points)
            .add("yAxisID", line.axis())
            .add("borderColor", colour)
            .add("backgroundColor", colour)
            .add("pointRadius", 0)
            .add("borderWidth", 2)
            .add("fill", false);
    if (line.dashed()) {
      dataset.add("borderDash", Json.createArrayBuilder().add(6).add(3));
    }
    return dataset;
  }

  private static JsonObjectBuilder options(String title, Span span, List<Axis> axes) {
    JsonObjectBuilder scales = Json.createObjectBuilder().add("x", timeAxis(span));
    for (int i = 0; i < axes.size(); i++) {
      JsonObjectBuilder axis =
          titled(axes.get(i).title())
              .add("beginAtZero", true)
              .add("position", i == 0 ? "left" : "right");
      if (i > 0) {
        axis.add("grid", Json.createObjectBuilder().add("drawOnChartArea", false));
      }
      scales.add(axes.get(i).id(), axis);
    }
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("parsing", false)
        .add(
            "interaction",
            Json.createObjectBuilder().add("mode", "nearest").add("intersect", false))
        .add("scales", scales)
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                .add("legend", Json.createObjectBuilder().add("position", "bottom")));
  }

  /** Whatever unit Chart.js picks for the ticks, they read as a clock. */
  private static JsonObjectBuilder timeAxis(Span span) {
    JsonObjectBuilder formats = Json.createObjectBuilder();
    for (String unit : List.of("millisecond", "second", "minute", "hour")) {
      formats.add(unit, TIME_FORMAT);
    }
    return titled("time")
        .add("type", "time")
        .add("min", span.from().toEpochMilli())
        .add("max", span.to().toEpochMilli())
        .add(
            "time",
            Json.createObjectBuilder()
                .add("tooltipFormat", TIME_FORMAT)
                .add("displayFormats", formats))
        .add("ticks", Json.createObjectBuilder().add("maxTicksLimit", 6).add("maxRotation", 0));
  }

  private static JsonObjectBuilder titled(String text) {
    return Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("display", true).add("text", text));
  }
}

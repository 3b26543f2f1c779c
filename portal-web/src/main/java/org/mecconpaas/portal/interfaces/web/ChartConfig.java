package org.mecconpaas.portal.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.mecconpaas.portal.interfaces.web.MetricsHistory.Sample;

/**
 * Chart.js configurations for {@code p:chart}, which takes the configuration as JSON and draws it
 * with the Chart.js that PrimeFaces bundles (no script from elsewhere). Time runs along a linear
 * axis in seconds before now, so no date adapter is needed.
 */
public final class ChartConfig {
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };

  private ChartConfig() {}

  /** One line: a label and the samples it is drawn from. */
  public record Series(String label, List<Sample> samples) {}

  public static String cpu(List<Series> series, Instant now) {
    return lines(
        "CPU load of the node (%)", series, now, s -> s.load() == null ? null : s.load() * 100);
  }

  public static String memory(List<Series> series, Instant now) {
    return lines(
        "Memory in use on the node (MiB)",
        series,
        now,
        s -> s.memoryUsedMiB() == null ? null : s.memoryUsedMiB().doubleValue());
  }

  static String lines(
      String title, List<Series> series, Instant now, Function<Sample, Double> value) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (int i = 0; i < series.size(); i++) {
      Series line = series.get(i);
      JsonArrayBuilder points = Json.createArrayBuilder();
      for (Sample sample : line.samples()) {
        Double y = value.apply(sample);
        if (y != null) {
          double secondsAgo = -Duration.between(sample.at(), now).toMillis() / 1000.0;
          points.add(
              Json.createObjectBuilder()
                  .add("x", Math.round(secondsAgo * 10) / 10.0)
                  .add("y", Math.round(y * 10) / 10.0));
        }
      }
      String colour = COLOURS[i % COLOURS.length];
      datasets.add(
          Json.createObjectBuilder()
              .add("label", line.label())
              .add("data", points)
              .add("borderColor", colour)
              .add("backgroundColor", colour)
              .add("pointRadius", 0)
              .add("borderWidth", 2)
              .add("fill", false));
    }
    JsonObject config =
        Json.createObjectBuilder()
            .add("type", "line")
            .add("data", Json.createObjectBuilder().add("datasets", datasets))
            .add("options", options(title))
            .build();
    // the configuration is written into a script element: never let a label close it
    return config.toString().replace("<", "\\u003c");
  }

  private static JsonObjectBuilder options(String title) {
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("parsing", false)
        .add(
            "scales",
            Json.createObjectBuilder()
                .add("x", axis("seconds ago").add("type", "linear"))
                .add("y", axis(title).add("beginAtZero", true)))
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                .add("legend", Json.createObjectBuilder().add("position", "bottom")));
  }

  private static JsonObjectBuilder axis(String text) {
    return Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("display", true).add("text", text));
  }
}

package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.ChartConfig;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Axis;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Line;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Point;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Span;

class ChartConfigTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void pointsAreEpochMillisOnATimeAxisReadAsAClock() {
    List<Line> lines =
        List.of(
            new Line(
                "a",
                0,
                false,
                "y",
                List.of(new Point(T0, 12.345), new Point(T0.plusSeconds(2), 13.0))),
            new Line("b", 9, true, "p95", List.of()));

    JsonObject chart =
        parse(
            ChartConfig.lines(
                "t",
                new Span(T0, T0.plusSeconds(2)),
                List.of(new Axis("y", "%"), new Axis("p95", "ms")),
                lines));

    assertEquals("line", chart.getString("type"));
    JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
    JsonArray points = datasets.getJsonObject(0).getJsonArray("data");
    assertEquals(T0.toEpochMilli(), points.getJsonObject(0).getJsonNumber("x").longValue());
    assertEquals(12.3, points.getJsonObject(0).getJsonNumber("y").doubleValue(), "one decimal");
    assertEquals("p95", datasets.getJsonObject(1).getString("yAxisID"));
    assertTrue(datasets.getJsonObject(1).containsKey("borderDash"));
    assertFalse(datasets.getJsonObject(0).containsKey("borderDash"));
    assertEquals(
        datasets.getJsonObject(1).getString("borderColor"),
        new String[] {"#1f77b4", "#ff7f0e"}[9 % 8],
        "the palette wraps around");

    JsonObject options = chart.getJsonObject("options");
    assertFalse(options.getBoolean("animation"), "polls redraw it");
    JsonObject x = options.getJsonObject("scales").getJsonObject("x");
    assertEquals("time", x.getString("type"));
    assertEquals(T0.toEpochMilli(), x.getJsonNumber("min").longValue());
    assertEquals(T0.plusSeconds(2).toEpochMilli(), x.getJsonNumber("max").longValue());
    assertEquals("HH:mm:ss", x.getJsonObject("time").getString("tooltipFormat"));
    assertEquals(
        "HH:mm:ss", x.getJsonObject("time").getJsonObject("displayFormats").getString("second"));
    assertEquals(
        "HH:mm:ss", x.getJsonObject("time").getJsonObject("displayFormats").getString("minute"));
    JsonObject p95 = options.getJsonObject("scales").getJsonObject("p95");
    assertEquals("right", p95.getString("position"));
    assertEquals("ms", p95.getJsonObject("title").getString("text"));
  }

  @Test
  void aLabelCannotCloseTheScriptItIsWrittenInto() {
    String json =
        ChartConfig.lines(
            "t",
            new Span(T0, T0),
            List.of(new Axis("y", "%")),
            List.of(new Line("</script><script>alert(1)", 0, false, "y", List.of())));
    assertFalse(json.contains("</script>"), json);
    assertEquals(
        "</script><script>alert(1)",
        parse(json)
            .getJsonObject("data")
            .getJsonArray("datasets")
            .getJsonObject(0)
            .getString("label"));
  }
}

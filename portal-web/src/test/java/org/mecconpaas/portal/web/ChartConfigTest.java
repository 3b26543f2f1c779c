package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.ChartConfig;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Series;
import org.mecconpaas.portal.interfaces.web.MetricsHistory.Sample;

class ChartConfigTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void oneLinePerInstanceInSecondsBeforeNow() {
    List<Series> series =
        List.of(
            new Series(
                "s1-master-0 on n1",
                List.of(
                    new Sample(NOW.minusSeconds(4), 0.25, 300),
                    new Sample(NOW.minusSeconds(2), null, 310),
                    new Sample(NOW, 0.5, 320))),
            new Series("s1-node-0 on n2", List.of()));

    JsonObject cpu = parse(ChartConfig.cpu(series, NOW));
    JsonObject memory = parse(ChartConfig.memory(series, NOW));

    assertEquals("line", cpu.getString("type"));
    JsonArray lines = cpu.getJsonObject("data").getJsonArray("datasets");
    assertEquals(2, lines.size());
    assertEquals("s1-master-0 on n1", lines.getJsonObject(0).getString("label"));
    JsonArray points = lines.getJsonObject(0).getJsonArray("data");
    assertEquals(2, points.size(), "a sample without a load is left out");
    assertEquals(-4.0, points.getJsonObject(0).getJsonNumber("x").doubleValue());
    assertEquals(25.0, points.getJsonObject(0).getJsonNumber("y").doubleValue(), "percent");
    assertEquals(0.0, points.getJsonObject(1).getJsonNumber("x").doubleValue());
    JsonArray mib =
        memory.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
    assertEquals(3, mib.size());
    assertEquals(310.0, mib.getJsonObject(1).getJsonNumber("y").doubleValue());
    assertFalse(cpu.getJsonObject("options").getBoolean("animation"), "polls redraw it");
  }

  @Test
  void aLabelCannotCloseTheScriptItIsWrittenInto() {
    String json = ChartConfig.cpu(List.of(new Series("</script><script>alert(1)", List.of())), NOW);
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

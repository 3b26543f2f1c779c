package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyChartTest {
  private final RunClock clock = new RunClock(Instant.parse("2026-11-28T10:00:00Z"));

  @Test
  void aSelfContainedPageWithTheRequestsFailuresAndMigrations() {
    List<RequestRecord> requests = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      requests.add(SummaryTest.ok(s, "echo", "i", "n1", 4 + s % 5));
    }
    requests.add(SummaryTest.failed(30, "echo"));
    MigrationRecord move =
        new MigrationRecord(
            "echo",
            7,
            "i",
            "i-m7",
            "n1",
            "n2",
            "follow-me",
            "a user <near>",
            "DONE",
            null,
            SummaryTest.at(20),
            SummaryTest.at(24),
            SummaryTest.at(25),
            SummaryTest.at(29));
    Summary summary =
        Summary.of(List.of("echo"), requests, List.of(move), List.of(), Map.of(), clock);

    String html =
        LatencyChart.html(
            "Experiment <walk>", List.of("echo"), requests, List.of(move), clock, 60, summary);

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<svg"));
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "nothing fetched");
    assertEquals(60, html.split("<circle").length - 1, "a dot per answered request");
    assertTrue(html.contains("m7 n1\u2192n2"), "the migration is marked");
    assertTrue(html.contains("stroke-dasharray"), "with the switch of the routes");
    assertTrue(html.contains("timeout after 2000 ms"), "failures are marked with their reason");
    assertTrue(html.contains("Experiment &lt;walk&gt;"), "text is escaped");
  }

  @Test
  void manyRequestsAreDrawnPerSecond() {
    List<RequestRecord> requests = new ArrayList<>();
    for (int i = 0; i < LatencyChart.MAX_DOTS + 1; i++) {
      requests.add(SummaryTest.ok(i / 100.0, "echo", "i", "n1", 3));
    }
    Summary summary = Summary.of(List.of("echo"), requests, List.of(), List.of(), Map.of(), clock);
    String html =
        LatencyChart.html("many", List.of("echo"), requests, List.of(), clock, 61, summary);
    assertFalse(html.contains("<circle"));
    assertTrue(html.contains("<polyline"));
  }

  @Test
  void scalesEndOnRoundNumbers() {
    assertEquals(10, LatencyChart.niceCeiling(7.3));
    assertEquals(20, LatencyChart.niceCeiling(12));
    assertEquals(50, LatencyChart.niceCeiling(50));
    assertEquals(0.5, LatencyChart.niceCeiling(0.31), 1e-12);
  }
}

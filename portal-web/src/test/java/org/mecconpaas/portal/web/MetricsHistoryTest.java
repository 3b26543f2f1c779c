package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.MetricsHistory;
import org.mecconpaas.portal.interfaces.web.MetricsHistory.Sample;

class MetricsHistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void oneSamplePerHeartbeatHoweverManyPagesPoll() {
    MetricsHistory history = new MetricsHistory();
    history.record("n1", T0, 0.1, 100);
    history.record("n1", T0, 0.1, 100); // a second page polled before the next heartbeat
    history.record("n1", T0.minusSeconds(2), 0.9, 900); // an older figure never goes in
    history.record("n1", T0.plusSeconds(2), 0.2, 110);
    history.record("n2", T0, null, null); // nothing reported yet

    assertEquals(
        List.of(new Sample(T0, 0.1, 100), new Sample(T0.plusSeconds(2), 0.2, 110)),
        history.samples("n1"));
    assertEquals(List.of(), history.samples("n2"));
    assertEquals(List.of(), history.samples("unknown"));
  }

  @Test
  void onlyTheLastFewMinutesAreKept() {
    MetricsHistory history = new MetricsHistory();
    for (int i = 0; i < 500; i++) {
      history.record("n1", T0.plusSeconds(2L * i), i / 500.0, i);
    }
    List<Sample> kept = history.samples("n1");
    assertEquals(90, kept.size());
    assertEquals(T0.plusSeconds(2L * 499), kept.get(kept.size() - 1).at());
    assertEquals(T0.plusSeconds(2L * 410), kept.get(0).at());
  }
}

package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.Formats;

class FormatsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void agesAreShortAndNeverNegative() {
    assertEquals("never", Formats.age(null, NOW));
    assertEquals("0 s ago", Formats.age(NOW.plusSeconds(3), NOW), "a clock a little ahead");
    assertEquals("42 s ago", Formats.age(NOW.minusSeconds(42), NOW));
    assertEquals("3 min ago", Formats.age(NOW.minusSeconds(200), NOW));
    assertEquals("5 h ago", Formats.age(NOW.minusSeconds(5 * 3600 + 10), NOW));
    assertEquals("3 d ago", Formats.age(NOW.minusSeconds(3 * 86400), NOW));
  }

  @Test
  void sizesInBinaryUnits() {
    assertEquals("512 B", Formats.bytes(512));
    assertEquals("1.5 KiB", Formats.bytes(1536));
    assertEquals("256.0 MiB", Formats.bytes(256L * 1024 * 1024));
  }

  @Test
  void durationsInTheLargestUsefulUnits() {
    assertEquals("850 ms", Formats.duration(850));
    assertEquals("42 s", Formats.duration(42_999));
    assertEquals("3 min 05 s", Formats.duration(185_000));
    assertEquals("2 h 03 min", Formats.duration((2 * 3600 + 3 * 60 + 59) * 1000L));
    assertEquals("—", Formats.duration(-1), "Flink's -1 for a vertex that did not start");
  }

  @Test
  void loadsAsPercentages() {
    assertEquals("—", Formats.load(null));
    assertEquals("42 %", Formats.load(0.42));
    assertEquals("377 %", Formats.load(3.77));
  }
}

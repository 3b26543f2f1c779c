package org.mecconpaas.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class ElapsedTest {

  @Test
  void durationsKeepTheirTwoLargestUnits() {
    assertEquals("0ms", Elapsed.format(-5));
    assertEquals("850ms", Elapsed.format(850));
    assertEquals("12.3s", Elapsed.format(12_399));
    assertEquals("59.9s", Elapsed.format(59_970));
    assertEquals("4m05s", Elapsed.format(245_000));
    assertEquals("2h07m", Elapsed.format(7_620_000));
  }

  @Test
  void figuresAreShortWithoutLosingSmallValues() {
    assertEquals("246", Fields.figure(Json.createValue(245.7)));
    assertEquals("12", Fields.figure(Json.createValue(12.0)));
    assertEquals("12.3", Fields.figure(Json.createValue(12.345)));
    assertEquals("0.05", Fields.figure(Json.createValue(0.0512)));
    assertEquals("1048576", Fields.figure(Json.createValue(1048576)));
    assertEquals(null, Fields.figure(Json.createValue("n/a")));
  }
}

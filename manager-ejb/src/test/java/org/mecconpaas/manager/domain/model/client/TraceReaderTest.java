package org.mecconpaas.manager.domain.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

class TraceReaderTest {
  private static final Area AREA = new Area(52.15, 4.48, 52.17, 4.50);

  private static RuleViolation refused(String csv) {
    return assertThrows(RuleViolation.class, () -> TraceReader.read(csv, AREA));
  }

  private static List<String> lines(RuleViolation refusal) {
    return refusal.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void aTraceMovesItsClientsBetweenSamples() {
    MobilityTrace trace =
        TraceReader.read(
            """
            time,client,lat,lon
            # a walk along the main street
            0,alice,52.160,4.490
            10,alice,52.161,4.490

            5,bob,52.155,4.485
            """,
            AREA);

    assertEquals(List.of("alice", "bob"), trace.clients());
    assertEquals(10, trace.endSeconds());
    assertEquals(Map.of("alice", new GeoPoint(52.16, 4.49)), trace.positionsAt(0));
    GeoPoint halfway = trace.positionsAt(5).get("alice");
    assertEquals(52.1605, halfway.latitude(), 1e-9);
    assertEquals(new GeoPoint(52.155, 4.485), trace.positionsAt(5).get("bob"));
    assertEquals(new GeoPoint(52.161, 4.49), trace.positionsAt(3600).get("alice"), "stays");
  }

  @Test
  void everyBadLineIsNamedAndNothingIsRead() {
    RuleViolation refusal =
        refused(
            """
            time,client,lat,lon
            0,alice,52.16,4.49
            abc,alice,52.16,4.49
            5,alice,52.16
            5,alice,91,4.49
            5,alice,52.16,NaN
            7,bad id!,52.16,4.49
            8,alice,48.85,2.35
            9,alice,52.16,4.49
            9,alice,52.16,4.49
            """);

    assertEquals(
        List.of("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 10"),
        lines(refusal));
    assertTrue(refusal.getMessage().contains("7 error(s)"), refusal.getMessage());
    assertTrue(refusal.errors().get(0).message().contains("time must be a number"));
    assertTrue(refusal.errors().get(1).message().contains("4 fields"));
    assertTrue(refusal.errors().get(3).message().contains("lon must be a number"));
    assertTrue(refusal.errors().get(5).message().contains("outside the nodes' area"));
    assertTrue(
        refusal.errors().get(6).message().contains("not after 9.0")
            && refusal.errors().get(6).message().contains("line 9"),
        refusal.errors().get(6).message());
  }

  @Test
  void timesMustGrowPerClientButNotAcrossClients() {
    TraceReader.read("10,a,52.16,4.49\n0,b,52.16,4.49\n20,a,52.16,4.49\n", AREA);

    assertEquals(
        List.of("line 2"), lines(refused("10,a,52.16,4.49\n3,a,52.16,4.49\n20,a,52.16,4.49\n")));
  }

  @Test
  void anEmptyTraceIsRefused() {
    assertEquals(List.of("trace"), lines(refused("time,client,lat,lon\n\n# nothing\n")));
    assertEquals(List.of("trace"), lines(refused("")));
  }

  @Test
  void manyErrorsAreListedUpToALimit() {
    RuleViolation refusal = refused("x\n".repeat(80));
    assertEquals(TraceReader.MAX_ERRORS_LISTED + 1, refusal.errors().size());
    assertEquals("trace", refusal.errors().get(TraceReader.MAX_ERRORS_LISTED).field());
  }
}

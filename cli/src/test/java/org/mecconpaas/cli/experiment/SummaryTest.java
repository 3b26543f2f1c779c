package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.cli.experiment.Summary.Handover;
import org.mecconpaas.cli.experiment.Summary.ServiceFigures;

class SummaryTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private final RunClock clock = new RunClock(T0);

  @Test
  void percentilesAreNearestRank() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i + 1;
    }
    assertEquals(50, Summary.percentile(values, 50));
    assertEquals(99, Summary.percentile(values, 99));
    assertEquals(100, Summary.percentile(values, 100));
    assertEquals(7, Summary.percentile(new double[] {7}, 99));
    assertTrue(Double.isNaN(Summary.percentile(new double[0], 50)));
  }

  @Test
  void failuresDuringMigrationsAndHandOverTimesAreCountedPerService() {
    List<RequestRecord> requests = new ArrayList<>();
    // echo served by n1 until 20 s, a failure at 14 s (during the migration), by n2 from 16 s
    for (int s = 0; s < 30; s++) {
      boolean moved = s >= 16;
      requests.add(
          ok(s, "echo", moved ? "s1-master-1-m1" : "s1-master-1", moved ? "n2" : "n1", 5 + s % 3));
    }
    requests.add(failed(14, "echo"));
    requests.add(failed(25, "echo")); // after the migration ended
    requests.add(ok(3, "other", "s2-master-1", "n3", 40));
    MigrationRecord move = followMeFromN1ToN2();
    MigrationRecord rolledBack =
        new MigrationRecord(
            "echo",
            2,
            "s1-master-1",
            "s1-master-1-m2",
            "n2",
            "n3",
            "manual",
            "requested",
            "ROLLED_BACK",
            "destination failed",
            at(26),
            null,
            null,
            at(27));
    List<AssociationChange> changes =
        List.of(
            new AssociationChange(at(4), 4, "walker", null, "n1"),
            new AssociationChange(at(9), 9, "walker", "n1", "n2"),
            new AssociationChange(at(21), 21, "walker", "n2", "n3"));

    Summary summary =
        Summary.of(
            List.of("echo", "other"),
            requests,
            List.of(move, rolledBack),
            changes,
            Map.of("walker", 4L, "lost", 2L),
            clock);

    ServiceFigures echo = summary.services().get(0);
    assertEquals(32, echo.requests());
    assertEquals(2, echo.failed());
    assertEquals(1, echo.failedDuringMigrations());
    assertEquals(1, echo.migrationsDone());
    assertEquals(1, echo.migrationsOther());
    assertEquals(6, echo.p50());
    assertEquals(7, echo.p99());
    Handover handover = echo.handovers().get(0);
    assertEquals(16, handover.firstServedSeconds(), 1e-9);
    assertEquals(0.5, handover.switchToServeSeconds(), 1e-9);
    assertEquals(7, handover.associationToServeSeconds(), 1e-9, "from the change onto n2 at 9 s");
    assertEquals(0.5, echo.worstSwitchToServe().orElseThrow(), 1e-9);

    ServiceFigures other = summary.services().get(1);
    assertEquals(1, other.requests());
    assertEquals(40, other.p99());
    assertEquals(0, other.migrationsDone());
    assertFalse(other.worstSwitchToServe().isPresent());
    assertEquals(6, summary.skipped());

    String text = summary.text();
    assertTrue(
        text.contains("echo: 32 requests, 2 failed (1 during migrations); latency p50 6.0"), text);
    assertTrue(
        text.contains("migration 1 n1 -> n2: first served by the new instance at 16.00 s; 0.50 s"),
        text);
    assertEquals(
        1,
        summary.json().getJsonArray("services").getJsonObject(0).getInt("failedDuringMigrations"));
    assertEquals(
        0.5,
        summary
            .json()
            .getJsonArray("services")
            .getJsonObject(0)
            .getJsonArray("handovers")
            .getJsonObject(0)
            .getJsonNumber("switchToServeSeconds")
            .doubleValue());
  }

  @Test
  void aServiceThatNamesItsUsersCountsOnlyTheirAssociationChanges() {
    List<RequestRecord> requests = List.of(ok(16, "echo", "s1-master-1-m1", "n2", 5));
    MigrationRecord move = followMeFromN1ToN2();
    List<AssociationChange> changes =
        List.of(
            new AssociationChange(at(9), 9, "walker", "n1", "n2"),
            new AssociationChange(at(9.5), 9.5, "stroller", "n3", "n2"));

    Summary everyone =
        Summary.of(List.of("echo"), requests, List.of(move), changes, Map.of(), clock);
    Summary walkers =
        Summary.of(
            List.of("echo"),
            requests,
            List.of(move),
            changes,
            Map.of(),
            Map.of("echo", java.util.Set.of("walker")),
            java.time.Duration.ZERO,
            clock);

    double anyone = everyone.services().get(0).handovers().get(0).associationToServeSeconds();
    double walker = walkers.services().get(0).handovers().get(0).associationToServeSeconds();
    assertEquals(6.5, anyone, 1e-9, "the latest change onto n2, whoever made it");
    assertEquals(7, walker, 1e-9, "the walker's, the user the service follows");
  }

  @Test
  void latenciesOfTheWarmUpAreLeftOutButItsFailuresCount() {
    List<RequestRecord> requests = new ArrayList<>();
    requests.add(ok(2, "echo", "s1-master-0", "n1", 90)); // the first requests: slow
    requests.add(failed(3, "echo"));
    for (int s = 10; s < 20; s++) {
      requests.add(ok(s, "echo", "s1-master-0", "n1", 5));
    }
    Summary summary =
        Summary.of(
            List.of("echo"),
            requests,
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            java.time.Duration.ofSeconds(5),
            clock);
    ServiceFigures echo = summary.services().get(0);
    assertEquals(5, echo.p99(), "the 90 ms of second 2 are warm-up");
    assertEquals(1, echo.failed());
    assertEquals(12, echo.requests());
  }

  @Test
  void aMigrationNobodyWasServedFromAfterwardsHasNoHandOverTimes() {
    MigrationRecord move =
        new MigrationRecord(
            "echo", 3, "i", "i-m3", "n1", "n2", "manual", "", "DONE", null, at(1), at(2), at(3),
            at(4));
    Handover h = Summary.handover(move, List.of(ok(5, "echo", "i", "n1", 1)), List.of(), clock);
    assertTrue(Double.isNaN(h.firstServedSeconds()));
    assertTrue(Double.isNaN(h.switchToServeSeconds()));
  }

  /**
   * A follow-me move of echo's instance n1 -> n2: requested 10 s, healthy 13 s, switched 15.5 s.
   */
  private static MigrationRecord followMeFromN1ToN2() {
    return new MigrationRecord(
        "echo",
        1,
        "s1-master-1",
        "s1-master-1-m1",
        "n1",
        "n2",
        "follow-me",
        "a user ...",
        "DONE",
        null,
        at(10),
        at(13),
        at(15.5),
        at(20));
  }

  static RequestRecord ok(double seconds, String service, String instance, String node, double ms) {
    return new RequestRecord(
        at(seconds),
        seconds,
        "walker",
        service,
        "n1",
        "10.77.0.11:10001",
        instance,
        node,
        ms,
        200,
        null);
  }

  static RequestRecord failed(double seconds, String service) {
    return new RequestRecord(
        at(seconds),
        seconds,
        "walker",
        service,
        "n1",
        "10.77.0.11:10001",
        null,
        null,
        2000,
        0,
        "timeout after 2000 ms");
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }
}

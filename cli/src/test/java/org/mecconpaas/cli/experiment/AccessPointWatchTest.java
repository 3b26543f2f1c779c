package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.cli.client.JsonDocument;

class AccessPointWatchTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void keepsEachClientsAccessPointAndEveryChangeInOrder() {
    String[] answer = {
      "{\"state\":\"RUNNING\",\"clients\":[{\"id\":\"c01\",\"node\":\"n1\"},{\"id\":\"c02\"}]}"
    };
    AccessPointWatch watch =
        new AccessPointWatch(() -> new JsonDocument(answer[0]), new RunClock(T0));
    watch.poll();
    assertEquals("n1", watch.accessPoint("c01"));
    assertNull(watch.accessPoint("c02"), "out of every node's range");
    answer[0] =
        "{\"state\":\"RUNNING\",\"clients\":[{\"id\":\"c01\",\"node\":\"n2\"},{\"id\":\"c02\",\"node\":\"n2\"}]}";
    watch.poll();
    answer[0] = "{\"state\":\"STOPPED\",\"clients\":[]}";
    watch.poll();
    assertNull(watch.accessPoint("c01"));
    List<String> changes =
        watch.changes().stream().map(c -> c.client() + ":" + c.from() + ">" + c.to()).toList();
    assertEquals(
        List.of("c01:null>n1", "c01:n1>n2", "c02:null>n2", "c01:n2>null", "c02:n2>null"), changes);
  }

  @Test
  void aChangeIsTimedAtTheEmulationsSecondNotAtThePoll() {
    String answer =
        "{\"state\":\"RUNNING\",\"startedAt\":\"2026-11-28T09:59:50Z\",\"elapsedSeconds\":13,"
            + "\"clients\":[{\"id\":\"c01\",\"node\":\"n1\"}]}";
    AccessPointWatch watch = new AccessPointWatch(() -> new JsonDocument(answer), new RunClock(T0));
    watch.poll();
    assertEquals(Instant.parse("2026-11-28T10:00:03Z"), watch.changes().get(0).at());
    assertEquals(3.0, watch.changes().get(0).seconds(), 1e-9);
  }

  @Test
  void theSameReadingChangesNothing() {
    AccessPointWatch watch = new AccessPointWatch(() -> null, new RunClock(T0));
    Map<String, String> reading = new HashMap<>(Map.of("c01", "n1"));
    watch.update(reading, T0.plusSeconds(1));
    watch.update(reading, T0.plusSeconds(2));
    assertEquals(1, watch.changes().size());
    assertEquals(1.0, watch.changes().get(0).seconds(), 1e-9);
  }
}

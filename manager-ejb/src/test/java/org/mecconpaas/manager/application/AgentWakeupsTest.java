package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class AgentWakeupsTest {
  private final AgentWakeups wakeups = new AgentWakeups();

  @Test
  void aPollWithAnotherVersionIsAnsweredAtOnce() {
    List<Long> answers = new ArrayList<>();
    wakeups.await("n1", -1, answers::add);
    assertEquals(List.of(0L), answers);
    assertEquals(0, wakeups.waitingCount());
  }

  @Test
  void aPollWithTheCurrentVersionWaitsForAWakeOfItsNode() {
    List<Long> n1 = new ArrayList<>();
    List<Long> n2 = new ArrayList<>();
    wakeups.await("n1", 0, n1::add);
    wakeups.await("n2", 0, n2::add);
    assertEquals(2, wakeups.waitingCount());
    wakeups.wake(Set.of("n1"));
    assertEquals(List.of(1L), n1);
    assertEquals(List.of(), n2);
    assertEquals(1, wakeups.waitingCount());
  }

  @Test
  void wakingAllReachesAlsoTheNodesThatWereNotWaiting() {
    List<Long> waiting = new ArrayList<>();
    wakeups.await("n1", 0, waiting::add);
    wakeups.wakeAll();
    assertEquals(List.of(1L), waiting);
    // n2 was beating when everyone was woken: its next poll must not wait for the next wake
    List<Long> late = new ArrayList<>();
    wakeups.await("n2", 0, late::add);
    assertEquals(List.of(1L), late);
  }

  @Test
  void versionsOnlyGrowWhateverMixOfWakes() {
    wakeups.wake(Set.of("n1"));
    wakeups.wakeAll();
    wakeups.wake(Set.of("n1", "n2"));
    List<Long> n1 = new ArrayList<>();
    List<Long> n2 = new ArrayList<>();
    wakeups.await("n1", 0, n1::add);
    wakeups.await("n2", 0, n2::add);
    assertEquals(List.of(3L), n1);
    assertEquals(List.of(2L), n2);
  }

  @Test
  void aForgottenPollIsNotAnsweredAnyMore() {
    List<Long> answers = new ArrayList<>();
    LongConsumer answer = answers::add;
    wakeups.await("n1", 0, answer);
    wakeups.forget("n1", answer);
    wakeups.wake(Set.of("n1"));
    assertEquals(List.of(), answers);
    assertEquals(0, wakeups.waitingCount());
  }
}

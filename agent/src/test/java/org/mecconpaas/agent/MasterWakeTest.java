package org.mecconpaas.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.testing.AgentHarness;
import org.mecconpaas.agent.testing.FakeMaster;

/** The long poll that lets the master cut an agent's wait between beats short. */
class MasterWakeTest {
  /** Far longer than any wait below: a beat within it came from a wake, not from the interval. */
  private static final long INTERVAL_MILLIS = 60_000;

  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
    if (master != null) {
      master.close();
    }
  }

  @Test
  void aWakeBringsTheNextBeatAtOnceAndTheAgentPollsAgain() throws Exception {
    master = new FakeMaster(true);
    harness = new AgentHarness(temp.resolve("state"), "wake-" + ProcessHandle.current().pid());
    harness.start(master, true, INTERVAL_MILLIS);
    // the first poll (no version yet) is answered at once, which is one more beat
    await().atMost(Duration.ofSeconds(10)).until(() -> master.waitingPolls() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> master.heartbeats() >= 2);
    for (int wake = 1; wake <= 3; wake++) {
      await().atMost(Duration.ofSeconds(5)).until(() -> master.waitingPolls() == 1);
      int before = master.heartbeats();
      master.wake();
      await().atMost(Duration.ofSeconds(3)).until(() -> master.heartbeats() > before);
    }
    assertEquals(List.of(), harness.errors());
  }

  @Test
  void withoutTheEndpointTheAgentKeepsToItsInterval() throws Exception {
    master = new FakeMaster(false);
    harness = new AgentHarness(temp.resolve("state"), "nowake-" + ProcessHandle.current().pid());
    harness.start(master, true, INTERVAL_MILLIS);
    await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= 1);
    // a 404 must turn into neither a beat nor a tight loop of polls
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> master.heartbeats() == 1);
    assertTrue(harness.errors().isEmpty(), harness.errors().toString());
  }
}

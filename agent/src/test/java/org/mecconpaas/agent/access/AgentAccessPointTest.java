package org.mecconpaas.agent.access;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.testing.AgentHarness;
import org.mecconpaas.agent.testing.AgentHarness.RunningAgent;
import org.mecconpaas.agent.testing.FakeMaster;

/** The agent runs the access point it is given and reports its stations with every heartbeat. */
class AgentAccessPointTest {

  @Test
  void anEmulatedAccessPointReportsItsStationsAndStopsWithTheAgent(@TempDir Path temp)
      throws Exception {
    try (FakeMaster master = new FakeMaster();
        AgentHarness harness = new AgentHarness(temp.resolve("state"), "ap-1")) {
      RunningAgent agent = harness.start(master, "--access-point", "emulated");
      await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= 3);
      assertTrue(
          master.reports().stream().allMatch(r -> r.objects("clients").isEmpty()),
          "no stations before the master plans any");
      agent.stop();
      assertEquals(0, agent.awaitExit(Duration.ofSeconds(5)), String.valueOf(harness.errors()));
    }
  }
}

package org.mecconpaas.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.agent.testing.Probes.awaitState;
import static org.mecconpaas.agent.testing.Probes.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.testing.AgentHarness;
import org.mecconpaas.agent.testing.AgentHarness.RunningAgent;
import org.mecconpaas.agent.testing.Bundles;
import org.mecconpaas.agent.testing.DesiredInstances;
import org.mecconpaas.agent.testing.FakeMaster;
import org.mecconpaas.agent.testing.Probes;

/** What must survive: an agent restart, a master outage, and both at once. */
class RestartAndOutageTest {
  private static final String RUN =
      "echo x >> run-count.txt\n"
          + "echo $$ > run.pid\n"
          + "echo alive > created-by-run.txt\n"
          + "exec python3 -m http.server \"$MY_PORT\" --bind 127.0.0.1";

  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;
  private int port;
  private Path workDir;

  @BeforeEach
  void setUp() throws Exception {
    master = new FakeMaster();
    harness = new AgentHarness(temp.resolve("state"), "restart-" + ProcessHandle.current().pid());
    port = AgentHarness.freePort();
    byte[] bundle = Bundles.scripts("init.sh", InstanceLifecycleTest.INIT, "run.sh", RUN);
    master.desire(
        List.of(DesiredInstances.instance("s1-web-0", port).code(1, bundle, master).json()));
    workDir = harness.workDir("s1-web-0");
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
    master.close();
  }

  @Test
  void restartWhileTheMasterIsAwayAdoptsEverythingAndRerunsNothing() throws Exception {
    RunningAgent first = harness.start(master);
    awaitServing();
    long server = Probes.pid(workDir.resolve("run.pid"));
    first.stop();

    master.goAway();
    harness.start(master, false);
    // the second agent works from desired.json and state.json alone
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> Probes.alive(server) && Probes.get(port, "/created-by-run.txt").isPresent());

    master.comeBack();
    int beats = master.heartbeats();
    await().atMost(Duration.ofSeconds(15)).until(() -> master.heartbeats() > beats + 1);
    JsonMap instance = awaitState(master, "s1-web-0", "RUNNING");
    assertEquals("RUNNING", script(instance, "run").string("state"));
    assertEquals(1, script(instance, "run").intValue("seq", 0));
    assertEquals(server, Probes.pid(workDir.resolve("run.pid")));
    assertTrue(Probes.alive(server));
    assertEquals(1, Probes.lines(workDir.resolve("init-count.txt")), "init.sh ran again");
    assertEquals(1, Probes.lines(workDir.resolve("run-count.txt")), "run.sh ran again");
    assertEquals("alive\n", Files.readString(workDir.resolve("created-by-run.txt")));
  }

  @Test
  void masterOutageChangesNothingAndHeartbeatsResume() throws Exception {
    harness.start(master);
    awaitServing();
    long server = Probes.pid(workDir.resolve("run.pid"));

    master.goAway();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> Probes.alive(server) && Probes.get(port, "/marker.txt").isPresent());
    master.comeBack();
    int beats = master.heartbeats();
    // back-off is bounded by 10 s
    await().atMost(Duration.ofSeconds(12)).until(() -> master.heartbeats() > beats);
    assertEquals("RUNNING", awaitState(master, "s1-web-0", "RUNNING").string("state"));
    assertEquals(server, Probes.pid(workDir.resolve("run.pid")));
    assertEquals(1, Probes.lines(workDir.resolve("init-count.txt")));
    assertEquals(1, Probes.lines(workDir.resolve("run-count.txt")));
  }

  private void awaitServing() {
    awaitState(master, "s1-web-0", "RUNNING");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Probes.get(port, "/created-by-run.txt").isPresent());
  }
}

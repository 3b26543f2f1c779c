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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.testing.AgentHarness;
import org.mecconpaas.agent.testing.Bundles;
import org.mecconpaas.agent.testing.DesiredInstances;
import org.mecconpaas.agent.testing.FakeMaster;
import org.mecconpaas.agent.testing.Probes;

/** The command counters and membership notifications. */
class CommandsTest {
  private static final String ID = "s3-node-0";
  private static final byte[] BUNDLE =
      Bundles.scripts(
          "init.sh", "true",
          "run.sh", "echo $$ > run.pid\nsleep 600\necho never",
          "interrupt.sh", "echo interrupted >> interrupts.txt",
          "cleanup.sh", "echo cleaned >> cleanups.txt",
          "notify.sh",
              "cp agents.json \"notified-$(date +%s%N).json\"\necho x >> notify-count.txt");

  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;
  private Path workDir;

  @BeforeEach
  void setUp() throws Exception {
    master = new FakeMaster();
    harness = new AgentHarness(temp.resolve("state"), "cmd-" + ProcessHandle.current().pid());
    workDir = harness.workDir(ID);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
    master.close();
  }

  private DesiredInstances instance() {
    return DesiredInstances.instance(ID, 20003).code(1, BUNDLE, master);
  }

  private JsonMap awaitScript(String script, String state, int seq) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> master.reported(ID).orElse(new JsonMap(Map.of())),
            i ->
                i.has("scripts")
                    && script(i, script).string("state").equals(state)
                    && script(i, script).intValue("seq", 0) == seq);
  }

  @Test
  void runAndCleanupAreRefusedWhileRunShRuns() throws Exception {
    master.desire(List.of(instance().commands(1, 0, 0).json()));
    harness.start(master);
    awaitScript("run", "RUNNING", 1);
    long sleeper = Probes.pid(workDir.resolve("run.pid"));

    master.desire(List.of(instance().commands(2, 0, 1).json()));
    JsonMap refused =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> Probes.latest(master, ID), i -> i.string("message", "").contains("refused"));
    assertTrue(refused.string("message").contains("still running"), refused.string("message"));
    assertEquals(1, script(refused, "run").intValue("seq", 0));
    assertEquals("NEVER", script(refused, "cleanup").string("state"));
    assertEquals(sleeper, Probes.pid(workDir.resolve("run.pid")));
    assertTrue(Probes.alive(sleeper));
  }

  @Test
  void secondInterruptKillsTheRunningScriptsProcessGroup() throws Exception {
    master.desire(List.of(instance().commands(1, 0, 0).json()));
    harness.start(master);
    awaitScript("run", "RUNNING", 1);
    long runSh = Probes.pid(workDir.resolve("run.pid"));
    long group = Probes.processGroup(runSh);
    assertTrue(ProcessGroups.members(group).size() >= 2, "wrapper, run.sh and sleep");

    master.desire(List.of(instance().commands(1, 1, 0).json()));
    awaitScript("interrupt", "EXITED", 1);
    assertEquals("interrupted\n", Files.readString(workDir.resolve("interrupts.txt")));
    assertEquals("RUNNING", script(master.reported(ID).orElseThrow(), "run").string("state"));
    assertTrue(Probes.alive(runSh), "the first interrupt only asks");

    master.desire(List.of(instance().commands(1, 2, 0).json()));
    JsonMap killed = awaitScript("run", "EXITED", 1);
    assertEquals(137, script(killed, "run").intValue("exitCode", 0));
    assertTrue(ProcessGroups.members(group).isEmpty(), "sleep 600 must be gone too");
    assertEquals(1, Probes.lines(workDir.resolve("interrupts.txt")));

    // with nothing running, cleanup.sh may run now
    master.desire(List.of(instance().commands(1, 2, 1).json()));
    awaitScript("cleanup", "EXITED", 1);
    assertEquals("cleaned\n", Files.readString(workDir.resolve("cleanups.txt")));
  }

  @Test
  void notifyShSeesTheNewMembershipInAgentsJson() throws Exception {
    master.desire(List.of(instance().commands(0, 0, 0).json()));
    harness.start(master);
    JsonMap first = awaitState(master, ID, "RUNNING");
    assertEquals(1, first.longValue("membershipGeneration"));
    assertEquals("NEVER", script(first, "notify").string("state"), "init.sh saw generation 1");
    assertTrue(Files.readString(workDir.resolve("agents.json")).contains("127.0.0.9"));

    List<Map<String, Object>> agents =
        List.of(
            Map.of("ip", "127.0.0.9", "role", "master", "id", "s3-master-0"),
            Map.of("ip", "127.0.0.10", "role", "node", "id", ID));
    master.desire(List.of(instance().commands(0, 0, 0).membership(2, agents).json()));
    JsonMap notified = awaitScript("notify", "EXITED", 2);
    assertEquals(0, script(notified, "notify").intValue("exitCode", -1));
    assertEquals(1, Probes.lines(workDir.resolve("notify-count.txt")));
    Path copy;
    try (var files = Files.list(workDir)) {
      copy =
          files
              .filter(f -> f.getFileName().toString().startsWith("notified-"))
              .findFirst()
              .orElseThrow();
    }
    String seen = Files.readString(copy);
    assertTrue(seen.startsWith("[") && seen.contains("\"ip\":\"127.0.0.10\""), seen);
    assertTrue(seen.contains("\"role\":\"node\"") && seen.contains("\"id\":\"" + ID + "\""), seen);
    await().until(() -> master.reported(ID).orElseThrow().longValue("membershipGeneration") == 2);
  }
}

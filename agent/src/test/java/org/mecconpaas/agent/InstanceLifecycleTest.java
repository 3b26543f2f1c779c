package org.mecconpaas.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.agent.testing.Probes.awaitState;
import static org.mecconpaas.agent.testing.Probes.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/** Real bundles, real scripts, real processes, with the {@code process} runtime. */
class InstanceLifecycleTest {
  static final String INIT =
      "echo \"init for $MEC_INSTANCE\"\n"
          + "echo x >> init-count.txt\n"
          + "echo \"MY_IP=$MY_IP MY_ROLE=$MY_ROLE MY_PORT=$MY_PORT MASTER_IP=$MASTER_IP"
          + " MEC_INSTANCE=$MEC_INSTANCE\" > env.txt\n"
          + "echo initialised > marker.txt";
  static final String SERVE =
      "echo $$ > run.pid\necho serving\nexec python3 -m http.server \"$MY_PORT\" --bind 127.0.0.1";

  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;

  @BeforeEach
  void setUp() throws Exception {
    master = new FakeMaster();
    harness = new AgentHarness(temp.resolve("state"), "life-" + ProcessHandle.current().pid());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
    master.close();
  }

  @Test
  void runsAGenericInstanceFromAZipBundleAndRemovesIt() throws Exception {
    int port = AgentHarness.freePort();
    byte[] bundle = Bundles.scripts("init.sh", INIT, "run.sh", SERVE);
    master.desire(
        List.of(DesiredInstances.instance("s1-web-0", port).code(1, bundle, master).json()));
    harness.start(master);

    JsonMap running = awaitState(master, "s1-web-0", "RUNNING");
    assertEquals(1, running.intValue("codeVersion", 0));
    assertNull(running.string("message", null));
    assertEquals("EXITED", script(running, "init").string("state"));
    assertEquals(0, script(running, "init").intValue("exitCode", -1));
    String page =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> Probes.get(port, "/marker.txt"), p -> p.isPresent())
            .get();
    assertEquals("initialised\n", page);
    Path workDir = harness.workDir("s1-web-0");
    assertEquals(
        "MY_IP=127.0.0.1 MY_ROLE=node MY_PORT="
            + port
            + " MASTER_IP=127.0.0.9"
            + " MEC_INSTANCE=s1-web-0\n",
        Files.readString(workDir.resolve("env.txt")));
    await()
        .until(
            () -> Probes.scriptState(Probes.latest(master, "s1-web-0"), "run").equals("RUNNING"));

    // python logs each request on stderr: more requests, higher acknowledged offsets
    Probes.get(port, "/env.txt");
    await().until(() -> master.log("s1-web-0", "stderr").contains("GET /env.txt"));
    Probes.get(port, "/init-count.txt");
    await().until(() -> master.log("s1-web-0", "stderr").contains("GET /init-count.txt"));
    assertTrue(master.log("s1-web-0", "stdout").contains("init for s1-web-0\nserving\n"));
    assertStrictlyGrowingOffsets("s1-web-0", "stderr");

    long server = Probes.pid(workDir.resolve("run.pid"));
    long group = Probes.processGroup(server);
    master.desire(List.of());
    await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(workDir.getParent()));
    assertFalse(Probes.alive(server));
    assertTrue(ProcessGroups.members(group).isEmpty());
    assertFalse(Files.exists(harness.stateDir().resolve("instances/s1-web-0")));
    await()
        .until(
            () -> master.reports().get(master.reports().size() - 1).objects("instances").isEmpty());
  }

  @Test
  void checksumMismatchFailsWithoutExecutingAnything() throws Exception {
    byte[] bundle = Bundles.scripts("init.sh", INIT, "run.sh", SERVE);
    String path = "/agent/v1/bundles/1/1";
    master.serveBundle(path, bundle);
    String wrongDigest = Bundles.sha256("something else".getBytes());
    master.desire(
        List.of(
            DesiredInstances.instance("s1-web-0", AgentHarness.freePort())
                .code(1, wrongDigest, path)
                .json()));
    harness.start(master);

    JsonMap failed = awaitState(master, "s1-web-0", "FAILED");
    assertTrue(failed.string("message").startsWith("checksum mismatch"), failed.string("message"));
    assertEquals("NEVER", script(failed, "init").string("state"));
    assertEquals("NEVER", script(failed, "run").string("state"));
    Path workDir = harness.workDir("s1-web-0");
    assertFalse(Files.exists(workDir.resolve("marker.txt")));
    assertFalse(Files.exists(workDir.resolve("init.sh")));
  }

  @Test
  void failingInitFailsOnlyItsOwnInstanceAndKeepsItsLogs() throws Exception {
    byte[] broken =
        Bundles.scripts("init.sh", "echo preparing\necho oops >&2\nexit 3", "run.sh", "sleep 600");
    byte[] healthy =
        Bundles.scripts("init.sh", INIT, "run.sh", "echo $$ > run.pid\nexec sleep 600");
    master.desire(
        List.of(
            DesiredInstances.instance("s1-bad-0", 20001).code(1, broken, master).json(),
            DesiredInstances.instance("s2-good-0", 20002).code(1, healthy, master).json()));
    harness.start(master);

    JsonMap failed = awaitState(master, "s1-bad-0", "FAILED");
    assertEquals("init.sh exited with 3", failed.string("message"));
    assertEquals(3, script(failed, "init").intValue("exitCode", 0));
    assertEquals("NEVER", script(failed, "run").string("state"));
    JsonMap good = awaitState(master, "s2-good-0", "RUNNING");
    assertEquals("FAILED", master.reported("s1-bad-0").orElseThrow().string("state"));
    await()
        .until(
            () -> Probes.scriptState(Probes.latest(master, "s2-good-0"), "run").equals("RUNNING"));
    await().until(() -> master.log("s1-bad-0", "stdout").equals("preparing\n"));
    assertEquals("oops\n", master.log("s1-bad-0", "stderr"));
    assertEquals(
        "preparing\n",
        Files.readString(harness.stateDir().resolve("instances/s1-bad-0/stdout.log")));
    assertEquals(1, good.intValue("codeVersion", 0));
  }

  @Test
  void aNewCodeVersionStopsTheOldScriptsAndRunsItsOwnInit() throws Exception {
    byte[] v1 =
        Bundles.zip(
            Map.of(
                "run.sh", "#!/bin/sh\necho $$ > run.pid\nexec sleep 600\n",
                "only-in-v1.txt", "old"));
    byte[] v2 = Bundles.scripts("init.sh", "echo v2 > version.txt", "run.sh", "exec sleep 600");
    master.desire(List.of(DesiredInstances.instance("s1-up-0", 20005).code(1, v1, master).json()));
    harness.start(master);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Probes.scriptState(Probes.latest(master, "s1-up-0"), "run").equals("RUNNING"));
    Path workDir = harness.workDir("s1-up-0");
    long oldRun = Probes.pid(workDir.resolve("run.pid"));

    master.desire(List.of(DesiredInstances.instance("s1-up-0", 20005).code(2, v2, master).json()));
    JsonMap upgraded =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> Probes.latest(master, "s1-up-0"),
                i -> i.intValue("codeVersion", 0) == 2 && i.string("state", "").equals("RUNNING"));
    assertEquals(2, script(upgraded, "init").intValue("seq", 0));
    assertEquals("v2\n", Files.readString(workDir.resolve("version.txt")));
    assertFalse(Files.exists(workDir.resolve("only-in-v1.txt")));
    assertFalse(Probes.alive(oldRun), "the old version's run.sh must not run on new code");
    assertEquals(
        "EXITED", script(upgraded, "run").string("state"), "run waits for a new run command");
  }

  /** Every reported chunk starts where the master acknowledged, so offsets only grow. */
  private void assertStrictlyGrowingOffsets(String id, String stream) {
    List<Long> offsets = new ArrayList<>();
    for (JsonMap report : master.reports()) {
      for (JsonMap instance : report.objects("instances")) {
        if (instance.string("id").equals(id)) {
          JsonMap chunk = instance.object("logs").object(stream);
          if (!chunk.string("data").isEmpty()) {
            offsets.add(chunk.longValue("offset"));
          }
        }
      }
    }
    assertTrue(offsets.size() >= 2, "chunks: " + offsets);
    for (int i = 1; i < offsets.size(); i++) {
      assertTrue(offsets.get(i) > offsets.get(i - 1), "offsets must grow: " + offsets);
    }
  }
}

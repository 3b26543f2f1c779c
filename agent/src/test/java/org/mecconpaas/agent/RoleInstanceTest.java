package org.mecconpaas.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.agent.testing.Probes.awaitState;

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

/**
 * A catalog role driven by its scripts (docs/role-runners.md), with the test role {@code
 * testing/site} from the test resources: a Python HTTP server serving the code version through a
 * symlink that switch.sh flips.
 */
class RoleInstanceTest {
  private static final String ID = "s7-site-0";

  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;
  private int port;

  @BeforeEach
  void setUp() throws Exception {
    master = new FakeMaster();
    harness = new AgentHarness(temp.resolve("state"), "role-" + ProcessHandle.current().pid());
    port = AgentHarness.freePort();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
    master.close();
  }

  private Map<String, Object> site(int version, String index, int generation) {
    byte[] bundle =
        index == null
            ? Bundles.zip(Map.of("other.txt", "x"))
            : Bundles.zip(Map.of("index.html", index));
    return DesiredInstances.instance(ID, port)
        .role("testing", "site")
        .code(version, bundle, master)
        .membership(
            generation, List.of(Map.of("ip", "127.0.0.1", "role", "site", "id", ID, "port", port)))
        .json();
  }

  private String page() {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Probes.get(port, "/index.html"), p -> p.isPresent())
        .get();
  }

  @Test
  void aRoleServesSwitchesVersionsInPlaceAndKeepsServingWhenANewVersionIsRefused()
      throws Exception {
    master.desire(List.of(site(1, "one", 1)));
    harness.start(master);
    Path workDir = harness.workDir(ID);

    // served, but not RUNNING until health.sh passes
    assertEquals("one", page());
    await().until(() -> Probes.scriptState(Probes.latest(master, ID), "start").equals("RUNNING"));
    assertEquals("STARTING", Probes.latest(master, ID).string("state"));
    Files.writeString(workDir.resolve("healthy-allowed"), "");
    awaitState(master, ID, "RUNNING");

    // the container's use and the role's own figures travel with the report
    JsonMap measured =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> Probes.latest(master, ID).object("metrics"),
                m -> m.has("requestsPerSecond") && m.has("cpuPercent"));
    assertEquals(3.5, measured.doubleValue("requestsPerSecond", 0));
    assertTrue(measured.doubleValue("memoryMiB", 0) > 5, "python's RSS: " + measured.keys());
    assertFalse(measured.has("bad key") || measured.has("note"), measured.keys().toString());

    String env = Files.readString(workDir.resolve("start-env.txt"));
    assertTrue(env.contains("MEC_CODE_DIR=" + workDir.resolve("code/1") + "\n"), env);
    assertTrue(env.contains("MEC_CODE_VERSION=1\n"), env);
    assertTrue(env.contains("MEC_STATE_DIR=" + workDir + "\n"), env);
    assertTrue(env.contains("MEC_ROLE_DIR=" + workDir.resolve(".role") + "\n"), env);
    assertTrue(env.contains("MEC_MEMORY_MIB=128\n"), env);
    assertTrue(env.contains("MEC_MIDDLEWARE="), env);
    assertTrue(env.contains("MEC_JAVA="), env);
    assertTrue(env.contains("MY_ROLE=site\n"), env);
    long server = Probes.pid(workDir.resolve("start.pid"));

    // version 2: initialised beside version 1, then switched without restarting the server
    master.desire(List.of(site(2, "two", 1)));
    await().atMost(Duration.ofSeconds(15)).until(() -> page().equals("two"));
    awaitState(master, ID, "RUNNING");
    assertEquals(server, Probes.pid(workDir.resolve("start.pid")), "start.sh was restarted");
    assertTrue(master.log(ID, "stdout").contains("version 2 checked\nswitched to version 2"));

    // version 3 fails init.sh: FAILED with the reason, version 2 still served by the same server
    master.desire(List.of(site(3, null, 1)));
    JsonMap failed = awaitState(master, ID, "FAILED");
    assertEquals("init.sh exited with 4", failed.string("message"));
    assertTrue(master.log(ID, "stderr").contains("version 3 has no index.html"));
    assertEquals("two", page());
    assertEquals(server, Probes.pid(workDir.resolve("start.pid")));
    assertTrue(Files.isDirectory(workDir.resolve("code/2")), "the served version is kept");

    // the master goes back to version 2 (as a rollback does): RUNNING again, nothing restarted
    master.desire(List.of(site(2, "two", 1)));
    awaitState(master, ID, "RUNNING");
    assertEquals(server, Probes.pid(workDir.resolve("start.pid")));
  }

  @Test
  void aRoleHearsOfMembersAndIsRestartedWhenItDies() throws Exception {
    master.desire(List.of(site(1, "one", 1)));
    harness.start(master);
    Path workDir = harness.workDir(ID);
    Files.createDirectories(workDir);
    Files.writeString(workDir.resolve("healthy-allowed"), "");
    awaitState(master, ID, "RUNNING");

    Map<String, Object> grown = site(1, "one", 2);
    @SuppressWarnings("unchecked")
    Map<String, Object> membership = (Map<String, Object>) grown.get("membership");
    membership.put(
        "agents",
        List.of(
            Map.of("ip", "127.0.0.1", "role", "site", "id", ID, "port", port),
            Map.of("ip", "127.0.0.2", "role", "site", "id", "s7-site-1", "port", 20010)));
    master.desire(List.of(grown));
    Path notified = workDir.resolve("notified-agents.json");
    await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(notified));
    String agents = Files.readString(notified);
    assertTrue(agents.contains("\"s7-site-1\"") && agents.contains("20010"), agents);

    long server = Probes.pid(workDir.resolve("start.pid"));
    ProcessGroups.signal(Probes.processGroup(server), "KILL");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Files.exists(workDir.resolve("start.pid"))
                    && Probes.pid(workDir.resolve("start.pid")) != server
                    && Probes.latest(master, ID).string("state").equals("RUNNING"));
    assertTrue(
        master.reports().stream()
            .flatMap(r -> r.objects("instances").stream())
            .anyMatch(
                i -> String.valueOf(i.string("message", "")).startsWith("start.sh exited with")),
        "the restart was reported");
    assertEquals("one", page());

    // a changed setting reaches the role: start.sh starts again with it, at once
    long beforeSettings = Probes.pid(workDir.resolve("start.pid"));
    Map<String, Object> configured = site(1, "one", 2);
    @SuppressWarnings("unchecked")
    Map<String, Object> env = (Map<String, Object>) configured.get("env");
    env.put("MEC_SETTING_GREETING", "hello");
    master.desire(List.of(configured));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Files.readString(workDir.resolve("start-env.txt"))
                    .contains("MEC_SETTING_GREETING=hello"));
    assertTrue(Probes.pid(workDir.resolve("start.pid")) != beforeSettings);
    awaitState(master, ID, "RUNNING");

    long restarted = Probes.pid(workDir.resolve("start.pid"));
    master.desire(List.of());
    await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(workDir.getParent()));
    assertFalse(Probes.alive(restarted));
  }
}

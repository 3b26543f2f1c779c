package org.mecconpaas.agent.runtime.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.runtime.ContainerSpec;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.state.Credential;
import org.mecconpaas.agent.state.CredentialStore;
import org.mecconpaas.agent.testing.Probes;

class ProcessRuntimeTest {
  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  @TempDir Path stateDir;
  private final String node = "rt-" + ProcessHandle.current().pid();
  private ProcessRuntime runtime;

  @BeforeEach
  void setUp() throws IOException {
    new CredentialStore(stateDir).save(new Credential(node, "node_x", null));
    runtime = new ProcessRuntime(stateDir);
  }

  @AfterEach
  void tearDown() throws IOException {
    for (String name : runtime.list()) {
      runtime.remove(name);
    }
    for (String controller : List.of("cpu", "memory")) {
      try {
        Files.deleteIfExists(CGROUP_ROOT.resolve(controller).resolve("mec").resolve(node));
      } catch (IOException e) {
        // not root: there was nothing to create
      }
    }
  }

  private Process exec(String name, String script) throws IOException {
    Path logs = stateDir.resolve("logs");
    Files.createDirectories(logs);
    return runtime.exec(
        name,
        List.of("/bin/sh", "-c", script),
        Map.of("GREETING", "hello"),
        logs.resolve(name + ".out"),
        logs.resolve(name + ".err"));
  }

  @Test
  void ensureIsIdempotent() throws Exception {
    runtime.checkAvailable();
    runtime.ensure(new ContainerSpec("s1-a-0", 500, 128));
    Files.writeString(runtime.workDir("s1-a-0").resolve("data.txt"), "kept");
    runtime.ensure(new ContainerSpec("s1-a-0", 500, 128));
    assertEquals("kept", Files.readString(runtime.workDir("s1-a-0").resolve("data.txt")));
    assertEquals(Set.of("s1-a-0"), runtime.list());
    assertTrue(runtime.isRunning("s1-a-0"));
    assertFalse(runtime.isRunning("s1-b-0"));
  }

  @Test
  void execRunsAGroupLeaderInTheWorkDirWithTheGivenEnvironment() throws Exception {
    runtime.ensure(new ContainerSpec("s1-a-0", 0, 0));
    Process process = exec("s1-a-0", "pwd > where.txt; echo \"$GREETING\"; echo oops >&2");
    assertEquals(0, process.waitFor());
    Process again = exec("s1-a-0", "echo again");
    assertEquals(0, again.waitFor());
    Path workDir = runtime.workDir("s1-a-0");
    assertEquals(workDir.toRealPath() + "\n", Files.readString(workDir.resolve("where.txt")));
    assertEquals("hello\nagain\n", Files.readString(stateDir.resolve("logs/s1-a-0.out")));
    assertEquals("oops\n", Files.readString(stateDir.resolve("logs/s1-a-0.err")));

    Process sleeper = exec("s1-a-0", "sleep 600");
    try {
      assertEquals(sleeper.pid(), Probes.processGroup(sleeper.pid()), "leads its own group");
    } finally {
      ProcessGroups.signal(sleeper.pid(), "KILL");
    }
  }

  @Test
  void removeKillsEveryProcessGroupAndDeletesTheContainer() throws Exception {
    runtime.ensure(new ContainerSpec("s1-a-0", 0, 0));
    Process parent = exec("s1-a-0", "sleep 600 & sleep 600 & wait");
    await().until(() -> ProcessGroups.members(parent.pid()).size() >= 3);
    runtime.remove("s1-a-0");
    assertTrue(ProcessGroups.members(parent.pid()).isEmpty());
    assertFalse(Files.exists(runtime.workDir("s1-a-0").getParent()));
    assertEquals(Set.of(), runtime.list());
    runtime.remove("s1-a-0"); // removing a missing container is no error
  }

  @Test
  void containersGoBelowTheAgentsOwnGroup() {
    String self = "12:pids:/\n4:memory:/mec-n2\n3:cpu,cpuacct:/mec-n2\n0::/\n";
    assertEquals("/mec-n2", CgroupV1.ownGroup(self, "cpu"));
    assertEquals("/mec-n2", CgroupV1.ownGroup(self, "memory"));
    assertEquals("/", CgroupV1.ownGroup("0::/user.slice\n", "cpu"));
  }

  @Test
  void asRootProcessesAreConfinedBeforeTheyRun() throws Exception {
    Optional<CgroupV1> cgroups = CgroupV1.detect(CGROUP_ROOT);
    assumeTrue(cgroups.isPresent(), "needs root and cgroup v1 cpu+memory");
    runtime.ensure(new ContainerSpec("s1-a-0", 500, 128));
    // below the agent's own groups (the test JVM's here)
    Path cpu = cgroups.get().cpuRoot().resolve("mec").resolve(node).resolve("s1-a-0");
    Path memory = cgroups.get().memoryRoot().resolve("mec").resolve(node).resolve("s1-a-0");
    assertEquals("50000", Files.readString(cpu.resolve("cpu.cfs_quota_us")).trim());
    assertEquals(
        Long.toString(128L * 1024 * 1024),
        Files.readString(memory.resolve("memory.limit_in_bytes")).trim());

    // the command reads its own cgroups: it must already be inside when it starts
    Process process = exec("s1-a-0", "cat /proc/self/cgroup");
    assertEquals(0, process.waitFor());
    String groups = Files.readString(stateDir.resolve("logs/s1-a-0.out"));
    String path = "/mec/" + node + "/s1-a-0";
    assertTrue(groups.lines().anyMatch(l -> l.matches("\\d+:cpu:.*" + path)), groups);
    assertTrue(groups.lines().anyMatch(l -> l.matches("\\d+:memory:.*" + path)), groups);

    runtime.remove("s1-a-0");
    assertFalse(Files.exists(cpu));
    assertFalse(Files.exists(memory));
  }

  @Test
  void withoutCgroupsCommandsStillRun() throws Exception {
    ProcessRuntime unconfined = new ProcessRuntime(stateDir, Optional.empty());
    unconfined.ensure(new ContainerSpec("s1-b-0", 500, 128));
    Process process =
        unconfined.exec(
            "s1-b-0",
            List.of("/bin/sh", "-c", "echo ok > ok.txt"),
            Map.of(),
            stateDir.resolve("b.out"),
            stateDir.resolve("b.err"));
    assertEquals(0, process.waitFor());
    assertEquals("ok\n", Files.readString(unconfined.workDir("s1-b-0").resolve("ok.txt")));
  }
}

package org.mecconpaas.agent.emulation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.emulation.EmulatorSettings.Isolation;

/** Two boards without namespaces (as any user), with stand-in agents on 127.0.0.11 and .12. */
class EmulatedEdgeLoopbackTest {

  @TempDir Path base;

  @Test
  void startsStopsRestartsFreezesAndCleansUp() throws IOException {
    assumeTrue(Probes.onPath(Probes.python()), "needs python3 for the stand-in agent");
    int port = Probes.freePort();
    EmulatorSettings settings = Probes.standInAgents(port).withIsolation(Isolation.LOOPBACK);
    List<Long> pids;
    try (EmulatedEdge edge =
        EmulatedEdge.start(
            EdgeLayout.defaultCampus(2),
            base,
            URI.create("http://localhost:8080"),
            List.of("join_1", "join_2"),
            "process",
            settings)) {
      assertFalse(edge.namespaced());
      assertEquals(URI.create("http://127.0.0.1:8080"), edge.agentMasterUrl());
      assertEquals("127.0.0.12", edge.address("n2"));
      pids = edge.nodes().stream().map(EmulatedNode::pid).toList();
      assertTrue(pids.stream().allMatch(p -> p > 0), pids.toString());
      awaitServing("127.0.0.11", port);
      awaitServing("127.0.0.12", port);

      edge.isolate("n1", true); // SIGSTOP without namespaces
      long n1 = edge.pid("n1");
      await().atMost(Duration.ofSeconds(5)).until(() -> Probes.processState(n1).equals("T"));
      assertEquals(-1, Probes.status("127.0.0.11", port), "a frozen agent answers nothing");
      edge.isolate("n1", false);
      await().atMost(Duration.ofSeconds(5)).until(() -> !Probes.processState(n1).equals("T"));
      awaitServing("127.0.0.11", port);

      long old = edge.pid("n1");
      edge.stop("n1");
      assertEquals(-1, edge.pid("n1"));
      assertFalse(ProcessHandle.of(old).map(ProcessHandle::isAlive).orElse(false));
      assertEquals(-1, Probes.status("127.0.0.11", port));
      assertTrue(edge.pid("n2") > 0, "other boards keep running");

      edge.restart("n1");
      assertNotEquals(old, edge.pid("n1"));
      awaitServing("127.0.0.11", port);
      pids = edge.nodes().stream().map(EmulatedNode::pid).toList();
    }
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "left " + pid);
    }
  }

  @Test
  void anAgentLeftByACrashedRunIsKilled() throws Exception {
    assumeTrue(Probes.onPath(Probes.python()), "needs python3 for the stand-in agent");
    int port = Probes.freePort();
    Path stateDir = base.toAbsolutePath().resolve("n1");
    Files.createDirectories(stateDir);
    Process orphan =
        new ProcessBuilder(
                Probes.python(),
                "-m",
                "http.server",
                String.valueOf(port + 1),
                "--bind",
                "127.0.0.11",
                "--directory",
                stateDir.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
    Files.writeString(base.resolve("n1.pid"), orphan.pid() + "\n");
    Process bystander = new ProcessBuilder("sleep", "60").start(); // a PID file must not hit it
    Files.writeString(base.resolve("n2.pid"), bystander.pid() + "\n");
    try (EmulatedEdge edge =
        EmulatedEdge.start(
            EdgeLayout.defaultCampus(2),
            base,
            URI.create("http://localhost:8080"),
            List.of("join_1", "join_2"),
            "process",
            Probes.standInAgents(port).withIsolation(Isolation.LOOPBACK))) {
      assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "orphan killed");
      assertTrue(edge.pid("n1") > 0 && edge.pid("n1") != orphan.pid());
      assertTrue(bystander.isAlive(), "an unrelated process with a stale PID survives");
      awaitServing("127.0.0.11", port);
    } finally {
      orphan.destroyForcibly();
      bystander.destroyForcibly();
    }
  }

  @Test
  void tooFewTokensOrLxcWithoutNamespacesAreRefused() {
    URI master = URI.create("http://localhost:8080");
    EmulatorSettings loopback = EmulatorSettings.defaults().withIsolation(Isolation.LOOPBACK);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EmulatedEdge.start(
                EdgeLayout.defaultCampus(2), base, master, List.of("t"), "process", loopback));
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                EmulatedEdge.start(
                    EdgeLayout.defaultCampus(1), base, master, List.of("t"), "lxc", loopback));
    assertTrue(e.getMessage().contains("--runtime process"), e.getMessage());
  }

  @Test
  void aMissingAgentJarIsAClearError() {
    EmulatorSettings settings =
        EmulatorSettings.defaults()
            .withIsolation(Isolation.LOOPBACK)
            .withAgentJar(base.resolve("nope.jar"));
    var e =
        assertThrows(
            IOException.class,
            () ->
                EmulatedEdge.start(
                    EdgeLayout.defaultCampus(1),
                    base,
                    URI.create("http://localhost:8080"),
                    List.of("t"),
                    "process",
                    settings));
    assertTrue(e.getMessage().contains("nope.jar"), e.getMessage());
  }

  private static void awaitServing(String address, int port) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Probes.status(address, port) == 200);
  }
}

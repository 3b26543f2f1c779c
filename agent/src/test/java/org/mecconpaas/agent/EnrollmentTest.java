package org.mecconpaas.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.testing.AgentHarness;
import org.mecconpaas.agent.testing.AgentHarness.RunningAgent;
import org.mecconpaas.agent.testing.FakeMaster;

class EnrollmentTest {
  @TempDir Path temp;
  private FakeMaster master;
  private AgentHarness harness;

  @BeforeEach
  void setUp() throws Exception {
    master = new FakeMaster();
    harness = new AgentHarness(temp.resolve("state"), "enroll-" + ProcessHandle.current().pid());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
    master.close();
  }

  @Test
  void storesAnOwnerOnlyCredentialAndDoesNotEnrollAgain() throws Exception {
    RunningAgent first = harness.start(master);
    await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= 2);
    first.stop();

    Path file = harness.stateDir().resolve("credential.properties");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Properties stored = new Properties();
    try (var in = Files.newInputStream(file)) {
      stored.load(in);
    }
    assertTrue(stored.getProperty("credential").startsWith("node_"));
    assertEquals(1, master.enrollments());

    int beatsBefore = master.heartbeats();
    RunningAgent second = harness.start(master, false); // no join token this time
    await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= beatsBefore + 2);
    second.stop();
    assertEquals(1, master.enrollments());
    assertTrue(harness.errors().isEmpty(), harness.errors().toString());
  }

  @Test
  void aSecondAgentOnTheSameStateDirectoryRefusesToStart() throws Exception {
    harness.start(master);
    await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= 1);
    RunningAgent twin = harness.start(master, false);
    assertEquals(1, twin.awaitExit(Duration.ofSeconds(10)));
    assertTrue(harness.errors().get(0).contains("another agent"), harness.errors().toString());
  }

  @Test
  void wrongJoinTokenExitsWithFourAndStoresNothing() throws Exception {
    RunningAgent agent = harness.start(master, false, "--join-token", "join_wrong");
    assertEquals(4, agent.awaitExit(Duration.ofSeconds(10)));
    assertFalse(Files.exists(harness.stateDir().resolve("credential.properties")));
    assertTrue(
        harness.errors().get(0).contains("join token rejected"), harness.errors().toString());
  }

  @Test
  void firstStartWithoutJoinTokenIsAUsageError() throws Exception {
    RunningAgent agent = harness.start(master, false);
    assertEquals(2, agent.awaitExit(Duration.ofSeconds(10)));
    assertEquals(0, master.enrollments());
  }

  @Test
  void revokedCredentialStopsTheAgentWithFour() throws Exception {
    RunningAgent agent = harness.start(master);
    await().atMost(Duration.ofSeconds(10)).until(() -> master.heartbeats() >= 1);
    master.revokeAll();
    assertEquals(4, agent.awaitExit(Duration.ofSeconds(10)));
    assertTrue(harness.errors().get(0).contains("credential"), harness.errors().toString());
  }
}

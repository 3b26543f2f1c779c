package org.mecconpaas.agent.emulation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.emulation.EmulatorSettings.Isolation;
import org.mecconpaas.agent.runtime.lxc.CommandRunner;
import org.mecconpaas.agent.runtime.lxc.HostChecks;

/**
 * Two real boards as root: namespaces on mecbr0, cgroups, tbf. Stand-in agents (python web servers)
 * are started exactly the way agents are. Skipped unless root. All traffic stays on 10.77.0.0/24
 * inside this machine.
 */
class EmulatedEdgeNamespacesTest {

  private static final int PORT = 8000;
  private static final Duration CMD = Duration.ofSeconds(10);
  private final CommandRunner sh = CommandRunner.system();

  @TempDir Path base;

  @Test
  void boardsTalkOverTheBridgeWithinTheirLimitsAndVanishOnClose() throws IOException {
    assumeTrue(HostChecks.isRoot(), "needs root (network namespaces, cgroups)");
    for (String tool : List.of("ip", "tc", "nsenter", "curl", Probes.python())) {
      assumeTrue(Probes.onPath(tool), "needs " + tool);
    }
    assumeTrue(NodeCgroup.roots().isPresent(), "needs cgroup v1 cpu and memory");
    assumeTrue(lockIsFree(), "another emulated edge runs on this machine");
    List<Long> pids = new ArrayList<>();
    EmulatedEdge edge =
        EmulatedEdge.start(
            EdgeLayout.defaultCampus(2),
            base,
            URI.create("http://localhost:8080"),
            List.of("join_1", "join_2"),
            "process",
            Probes.standInAgents(PORT).withIsolation(Isolation.NAMESPACES));
    try {
      assertTrue(edge.namespaced());
      assertEquals(URI.create("http://10.77.0.1:8080"), edge.agentMasterUrl());
      awaitFromNode("mec-n2", "10.77.0.11", true);
      awaitFromNode("mec-n1", "10.77.0.12", true);
      assertEquals(200, Probes.status("10.77.0.11", PORT), "host reaches a node over mecbr0");

      assertSealed("mec-n1");
      assertShaped("mec-h1");
      assertConfined(edge.pid("n1"), "mec-n1");

      edge.isolate("n1", true);
      assertEquals("000", curlFrom("mec-n2", "10.77.0.11"), "isolated: unreachable");
      edge.isolate("n1", false);
      awaitFromNode("mec-n2", "10.77.0.11", true);

      long old = edge.pid("n1");
      edge.stop("n1");
      assertFalse(ProcessHandle.of(old).map(ProcessHandle::isAlive).orElse(false));
      assertEquals("", Files.readString(cgroupFile("cpu", "mec-n1", "cgroup.procs")).strip());
      edge.restart("n1");
      awaitFromNode("mec-n2", "10.77.0.11", true);
      assertConfined(edge.pid("n1"), "mec-n1");
      edge.nodes().forEach(n -> pids.add(n.pid()));
    } finally {
      edge.close();
    }
    assertGone(pids);
  }

  @Test
  void aSecondEdgeRefusesToStartInsteadOfTearingDownTheFirst() throws IOException {
    assumeTrue(HostChecks.isRoot(), "needs root");
    try (EdgeLock held = EdgeLock.tryAcquire().orElse(null)) {
      assumeTrue(held != null, "another emulated edge runs on this machine");
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  EmulatedEdge.start(
                      EdgeLayout.defaultCampus(1),
                      base,
                      URI.create("http://localhost:8080"),
                      List.of("t"),
                      "process",
                      Probes.standInAgents(PORT).withIsolation(Isolation.NAMESPACES)));
      assertTrue(e.getMessage().contains("another emulated edge"), e.getMessage());
      assertFalse(sh.check(List.of("ip", "netns", "list"), CMD).contains("mec-n1"));
    }
  }

  static boolean lockIsFree() throws IOException {
    try (EdgeLock lock = EdgeLock.tryAcquire().orElse(null)) {
      return lock != null;
    }
  }

  /** No default route, no forwarding: a board can only talk to 10.77.0.0/24. */
  private void assertSealed(String netns) throws IOException {
    assertEquals("", sh.check(List.of("ip", "-n", netns, "route", "show", "default"), CMD).strip());
    String forward =
        sh.check(
            List.of(
                "nsenter",
                "--net=/run/netns/" + netns,
                "--",
                "cat",
                "/proc/sys/net/ipv4/ip_forward"),
            CMD);
    assertEquals("0", forward.strip());
  }

  private void assertShaped(String veth) throws IOException {
    String qdisc = sh.check(List.of("tc", "qdisc", "show", "dev", veth), CMD);
    assertTrue(qdisc.contains("tbf") && qdisc.contains("rate 100Mbit"), qdisc);
  }

  /** The process sits in the board's cgroups, whose limits are the rpi3 profile. */
  private static void assertConfined(long pid, String cgroup) throws IOException {
    String own = Files.readString(Path.of("/proc", String.valueOf(pid), "cgroup"));
    assertTrue(own.contains(":cpu:/" + cgroup + "\n"), own);
    assertTrue(own.contains(":memory:/" + cgroup + "\n"), own);
    assertEquals("100000", Files.readString(cgroupFile("cpu", cgroup, "cpu.cfs_quota_us")).strip());
    assertEquals(
        String.valueOf(1024L * 1024 * 1024),
        Files.readString(cgroupFile("memory", cgroup, "memory.limit_in_bytes")).strip());
    String netns =
        Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "ns", "net")).toString();
    String self = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    assertFalse(netns.equals(self), "the process runs in its own network namespace");
  }

  private static Path cgroupFile(String controller, String cgroup, String file) throws IOException {
    Path[] roots = NodeCgroup.roots().orElseThrow();
    return (controller.equals("cpu") ? roots[0] : roots[1]).resolve(cgroup).resolve(file);
  }

  private void assertGone(List<Long> pids) throws IOException {
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "left " + pid);
    }
    String netns = sh.check(List.of("ip", "netns", "list"), CMD);
    assertFalse(netns.contains("mec-n"), netns);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !sh.check(List.of("ip", "-o", "link", "show"), CMD).contains("mec-"));
    Path[] roots = NodeCgroup.roots().orElseThrow();
    assertFalse(Files.exists(roots[0].resolve("mec-n1")));
    assertFalse(Files.exists(roots[1].resolve("mec-n2")));
  }

  private void awaitFromNode(String netns, String address, boolean reachable) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> curlFrom(netns, address).equals(reachable ? "200" : "000"));
  }

  /** HTTP status seen from inside a board ({@code 000}: no answer within 2 s). */
  private String curlFrom(String netns, String address) throws IOException {
    return sh.run(
            List.of(
                "nsenter",
                "--net=/run/netns/" + netns,
                "--",
                "curl",
                "--noproxy",
                "*",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "2",
                "http://" + address + ":" + PORT + "/"),
            CMD)
        .output()
        .strip();
  }
}

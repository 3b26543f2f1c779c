package org.mecconpaas.agent.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgePlanTest {

  private static final Path BASE = Path.of("/tmp/edge");
  private final EdgePlan namespaced = EdgePlan.of(EdgeLayout.defaultCampus(3), BASE, true, "lxc");
  private final EdgePlan loopback =
      EdgePlan.of(EdgeLayout.defaultCampus(3), BASE, false, "process");

  @Test
  void namesAndAddressesFollowThePosition() {
    NodePlan n2 = namespaced.node("n2");
    assertEquals(2, n2.index());
    assertEquals("mec-n2", n2.netns());
    assertEquals("mec-h2", n2.hostVeth());
    assertEquals("10.77.0.12", n2.address());
    assertEquals("mec-n2", n2.cgroup());
    assertEquals(BASE.resolve("n2"), n2.stateDir());
    NodePlan l2 = loopback.node("n2");
    assertEquals("127.0.0.12", l2.address());
    assertNull(l2.netns());
    assertNull(l2.hostVeth());
  }

  @Test
  void containerAddressSlicesAreDisjointAndAboveTheNodes() {
    List<NodePlan> nodes = namespaced.nodes();
    assertEquals("10.77.0.100", nodes.get(0).containerAddresses().firstAddress());
    for (int i = 1; i < nodes.size(); i++) {
      assertTrue(
          nodes.get(i - 1).containerAddresses().last() < nodes.get(i).containerAddresses().first());
    }
    assertTrue(nodes.get(2).containerAddresses().contains("10.77.0.202"));
  }

  @Test
  void agentsReachTheMasterOnTheHostSideOnly() {
    URI master = URI.create("http://localhost:8080/mec");
    assertEquals(URI.create("http://10.77.0.1:8080/mec"), namespaced.agentMasterUrl(master));
    assertEquals(URI.create("http://127.0.0.1:8080/mec"), loopback.agentMasterUrl(master));
    assertEquals(
        URI.create("https://10.77.0.1:8181"),
        namespaced.agentMasterUrl(URI.create("https://192.168.1.5:8181")));
  }

  @Test
  void agentCommandLine() {
    List<String> cmd =
        namespaced.agentCommand(
            namespaced.node("n1"),
            URI.create("http://localhost:8080"),
            "join_abc",
            Path.of("/jdk/bin/java"),
            Path.of("/x/mec-agent.jar"),
            "48m");
    NodeSite n1 = namespaced.node("n1").site();
    assertEquals(
        List.of(
            "env",
            "MALLOC_ARENA_MAX=2",
            "/jdk/bin/java",
            "-Xmx48m",
            "-Xms8m",
            "-Xmn2m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:CompileThresholdScaling=10",
            "-Xshare:off",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=48m",
            "-XX:MetaspaceReclaimPolicy=aggressive",
            "-jar",
            "/x/mec-agent.jar",
            "--master",
            "http://10.77.0.1:8080",
            "--state-dir",
            "/tmp/edge/n1",
            "--join-token",
            "join_abc",
            "--name",
            "n1",
            "--latitude",
            EdgeLayout.plain(n1.latitude()),
            "--longitude",
            EdgeLayout.plain(n1.longitude()),
            "--cpu-millis",
            "1000",
            "--memory-mib",
            "1024",
            "--address",
            "10.77.0.11",
            "--runtime",
            "lxc",
            "--access-point",
            "emulated"),
        cmd);
    assertTrue(EdgeLayout.plain(0.0005).equals("0.0005"), "no exponent on the command line");
  }

  @Test
  void confinedJoinsTheCgroupsBeforeEnteringTheNamespace() {
    List<String> cmd =
        EdgePlan.confined(
            List.of("java", "-jar", "a.jar"),
            List.of(
                Path.of("/cg/cpu/mec-n1/cgroup.procs"), Path.of("/cg/memory/mec-n1/cgroup.procs")),
            "mec-n1");
    assertEquals("bash", cmd.get(0));
    assertTrue(cmd.get(2).contains("echo $$ > \"$1\""), cmd.get(2));
    assertEquals(
        List.of(
            "mec-node",
            "/cg/cpu/mec-n1/cgroup.procs",
            "/cg/memory/mec-n1/cgroup.procs",
            "--",
            "nsenter",
            "--net=/run/netns/mec-n1",
            "--",
            "java",
            "-jar",
            "a.jar"),
        cmd.subList(3, cmd.size()));
    assertTrue(cmd.stream().noneMatch(a -> a.equals("netns")), "never ip netns exec");
    assertEquals(List.of("java"), EdgePlan.confined(List.of("java"), List.of(), null));
  }

  @Test
  void nodeSetupBuildsLinkBridgeAddressAndShaping() {
    List<String> setup =
        EdgePlan.nodeSetup(namespaced.node("n1"), "100mbit").stream()
            .map(c -> String.join(" ", c))
            .toList();
    assertEquals("ip netns add mec-n1", setup.get(0));
    assertTrue(setup.contains("ip link add mec-h1 type veth peer name eth0 netns mec-n1"));
    assertTrue(setup.contains("ip link set mec-h1 master mecbr0"));
    assertTrue(setup.contains("ip -n mec-n1 link set eth0 master mecbr0"));
    assertTrue(setup.contains("ip -n mec-n1 addr add 10.77.0.11/24 dev mecbr0"));
    assertTrue(
        setup.contains("tc qdisc add dev mec-h1 root tbf rate 100mbit burst 128kb latency 50ms"));
    assertTrue(
        setup.contains(
            "tc -n mec-n1 qdisc add dev eth0 root tbf rate 100mbit burst 128kb latency 50ms"));
    assertTrue(setup.stream().noneMatch(c -> c.contains("route") || c.contains("forward")));
    assertEquals(
        List.of(
            "ip link add mecbr0 type bridge",
            "ip addr add 10.77.0.1/24 dev mecbr0",
            "ip link set mecbr0 up"),
        EdgePlan.bridgeSetup().stream().map(c -> String.join(" ", c)).toList());
  }

  @Test
  void cleanupPlanRemovesEveryNodeThenTheBridgeItMade() {
    List<String> teardown =
        namespaced.teardown(true).stream().map(c -> String.join(" ", c)).toList();
    assertEquals(
        List.of(
            "tc qdisc del dev mec-h1 root",
            "ip netns del mec-n1",
            "ip link del mec-h1",
            "tc qdisc del dev mec-h2 root",
            "ip netns del mec-n2",
            "ip link del mec-h2",
            "tc qdisc del dev mec-h3 root",
            "ip netns del mec-n3",
            "ip link del mec-h3",
            "ip link del mecbr0"),
        teardown);
    assertEquals(9, namespaced.teardown(false).size(), "a bridge it did not make stays");
    assertEquals(List.of(), loopback.teardown(true));
  }

  @Test
  void staleLeftoversAreFoundInIpOutput() {
    String netns = "mec-n2 (id: 1)\nmec-n1 (id: 0)\nother\nmec-nx\n";
    String links =
        """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT
        4: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc pfifo_fast state UP
        7: mecbr0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
        8: mec-h1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc tbf master mecbr0
        9: mec-hx@if2: <BROADCAST> mtu 1500
        """;
    EdgePlan.Stale stale = EdgePlan.Stale.parse(netns, links);
    assertEquals(List.of("mec-n2", "mec-n1"), stale.namespaces());
    assertEquals(List.of("mec-h1"), stale.veths());
    assertTrue(stale.bridge());
    assertEquals(
        List.of(
            "ip netns del mec-n2",
            "ip netns del mec-n1",
            "ip link del mec-h1",
            "ip link del mecbr0"),
        stale.cleanup().stream().map(c -> String.join(" ", c)).toList());
    assertEquals(List.of(), EdgePlan.Stale.parse("", "1: lo: <LOOPBACK>\n").cleanup());
  }

  @Test
  void rejectsUnknownRuntimes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EdgePlan.of(EdgeLayout.defaultCampus(1), BASE, true, "docker"));
  }
}

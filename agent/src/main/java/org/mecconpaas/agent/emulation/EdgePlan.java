package org.mecconpaas.agent.emulation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mecconpaas.agent.runtime.lxc.AddressPool;

/**
 * The emulated edge as a value: names, addresses and the exact commands that build and remove its
 * network, computed without touching the machine (unit-tested) and applied by {@link EmulatedEdge}.
 *
 * <p>Topology when namespaced: the host bridge {@code mecbr0} (10.77.0.1/24, only so the host and
 * the master reach the nodes; no forwarding, no NAT, no default route anywhere) and per node a
 * network namespace {@code mec-nX} linked by the veth pair {@code mec-hX} (host) / {@code eth0}
 * (node). Inside the node, {@code eth0} is a port of the node's own bridge, also named {@code
 * mecbr0}, which carries the node's address 10.77.0.(10+X): the node's LXC containers join that
 * bridge and so sit on the same /24, reachable from the master without any routing, like containers
 * bridged onto a real board's LAN. Both directions of the node's link are shaped with tbf (the
 * kernel here has no netem, so no latency or loss emulation).
 */
public record EdgePlan(List<NodePlan> nodes, boolean namespaced, String runtime) {

  /** Node addresses are 10.77.0.11 .. 10.77.0.99; containers use .100 .. .254. */
  public static final int MAX_NODES = 89;

  public static final String BRIDGE = "mecbr0";
  public static final String HOST_ADDRESS = "10.77.0.1";
  public static final String LOOPBACK_HOST = "127.0.0.1";
  public static final int PREFIX_LENGTH = 24;
  public static final String NETNS_PREFIX = "mec-n";
  public static final String VETH_PREFIX = "mec-h";
  public static final String CONTAINERS_FIRST = "10.77.0.100";
  public static final String CONTAINERS_LAST = "10.77.0.254";
  public static final String NETNS_DIR = "/run/netns";

  static final Pattern STALE_NETNS = Pattern.compile("mec-n\\d+");
  static final Pattern STALE_VETH = Pattern.compile("mec-h\\d+");

  public EdgePlan {
    nodes = List.copyOf(nodes);
    if (!runtime.equals("process") && !runtime.equals("lxc")) {
      throw new IllegalArgumentException("runtime must be process or lxc: " + runtime);
    }
  }

  public static EdgePlan of(EdgeLayout layout, Path baseDir, boolean namespaced, String runtime) {
    if (layout.size() > MAX_NODES) {
      throw new IllegalArgumentException("at most " + MAX_NODES + " emulated nodes");
    }
    List<AddressPool> slices =
        new AddressPool(CONTAINERS_FIRST, CONTAINERS_LAST).slices(layout.size());
    List<NodePlan> nodes = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      int x = i + 1;
      NodeSite site = layout.nodes().get(i);
      nodes.add(
          new NodePlan(
              x,
              site,
              namespaced ? NETNS_PREFIX + x : null,
              namespaced ? VETH_PREFIX + x : null,
              (namespaced ? "10.77.0." : "127.0.0.") + (10 + x),
              NETNS_PREFIX + x,
              baseDir.toAbsolutePath().resolve(site.name()),
              slices.get(i)));
    }
    return new EdgePlan(nodes, namespaced, runtime);
  }

  public NodePlan node(String name) {
    return nodes.stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no emulated node " + name));
  }

  /** Where the agents find the master: the host's bridge address, or loopback. */
  public String hostAddress() {
    return namespaced ? HOST_ADDRESS : LOOPBACK_HOST;
  }

  /**
   * The master URL as the agents must use it: same scheme, port and path, host replaced by {@link
   * #hostAddress()} (the master listens on all interfaces; agents never get another address).
   */
  public URI agentMasterUrl(URI master) {
    try {
      return new URI(
          master.getScheme(),
          null,
          hostAddress(),
          master.getPort(),
          master.getPath(),
          master.getQuery(),
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad master URL " + master, e);
    }
  }

  public static List<List<String>> bridgeSetup() {
    return List.of(
        List.of("ip", "link", "add", BRIDGE, "type", "bridge"),
        List.of("ip", "addr", "add", HOST_ADDRESS + "/" + PREFIX_LENGTH, "dev", BRIDGE),
        List.of("ip", "link", "set", BRIDGE, "up"));
  }

  public static List<List<String>> bridgeTeardown() {
    return List.of(List.of("ip", "link", "del", BRIDGE));
  }

  /** Namespace, link, node bridge, address and shaping of one node. */
  public static List<List<String>> nodeSetup(NodePlan node, String rate) {
    String ns = node.netns();
    String veth = node.hostVeth();
    List<String> tbf = List.of("root", "tbf", "rate", rate, "burst", "128kb", "latency", "50ms");
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("ip", "netns", "add", ns));
    commands.add(
        List.of("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns));
    commands.add(List.of("ip", "link", "set", veth, "master", BRIDGE));
    commands.add(List.of("ip", "link", "set", veth, "up"));
    commands.add(List.of("ip", "-n", ns, "link", "add", BRIDGE, "type", "bridge"));
    commands.add(List.of("ip", "-n", ns, "link", "set", "eth0", "master", BRIDGE));
    commands.add(
        List.of(
            "ip", "-n", ns, "addr", "add", node.address() + "/" + PREFIX_LENGTH, "dev", BRIDGE));
    commands.add(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
    commands.add(List.of("ip", "-n", ns, "link", "set", "eth0", "up"));
    commands.add(List.of("ip", "-n", ns, "link", "set", BRIDGE, "up"));
    commands.add(concat(List.of("tc", "qdisc", "add", "dev", veth), tbf));
    commands.add(concat(List.of("tc", "-n", ns, "qdisc", "add", "dev", "eth0"), tbf));
    return commands;
  }

  /**
   * Removes what {@link #nodeSetup} made. Deleting the namespace deletes its end of the veth and so
   * the pair and its qdiscs; the explicit deletes after it are for a pair left behind.
   */
  public static List<List<String>> nodeTeardown(NodePlan node) {
    return List.of(
        List.of("tc", "qdisc", "del", "dev", node.hostVeth(), "root"),
        List.of("ip", "netns", "del", node.netns()),
        List.of("ip", "link", "del", node.hostVeth()));
  }

  /** The whole cleanup, nodes first, then the bridge if this run created it. */
  public List<List<String>> teardown(boolean bridgeCreated) {
    List<List<String>> commands = new ArrayList<>();
    if (namespaced) {
      nodes.forEach(n -> commands.addAll(nodeTeardown(n)));
      if (bridgeCreated) {
        commands.addAll(bridgeTeardown());
      }
    }
    return commands;
  }

  /** Leftovers of a crashed run, found in {@code ip netns list} and {@code ip -o link show}. */
  public record Stale(List<String> namespaces, List<String> veths, boolean bridge) {

    public static Stale parse(String netnsList, String linkList) {
      List<String> namespaces = new ArrayList<>();
      for (String line : netnsList.split("\n")) {
        String name = line.strip().split("\\s+")[0];
        if (STALE_NETNS.matcher(name).matches()) {
          namespaces.add(name);
        }
      }
      List<String> veths = new ArrayList<>();
      boolean bridge = false;
      for (String line : linkList.split("\n")) {
        String[] fields = line.strip().split(":\\s+", 3);
        if (fields.length < 2) {
          continue;
        }
        String name = fields[1].split("@")[0].strip();
        if (STALE_VETH.matcher(name).matches()) {
          veths.add(name);
        }
        bridge |= name.equals(BRIDGE);
      }
      return new Stale(namespaces, veths, bridge);
    }

    public List<List<String>> cleanup() {
      List<List<String>> commands = new ArrayList<>();
      namespaces.forEach(ns -> commands.add(List.of("ip", "netns", "del", ns)));
      veths.forEach(v -> commands.add(List.of("ip", "link", "del", v)));
      if (bridge) {
        commands.addAll(bridgeTeardown());
      }
      return commands;
    }
  }

  /**
   * The agent JVM's settings besides {@code -Xmx}: a board has 1 GiB for everything, and the agent
   * must stay within 64 MiB of resident memory while it runs 5 instances (bench/edge.sh measures
   * it; bench/README.md has the figures of the alternatives). The heap is not what costs: the agent
   * keeps under 10 MiB live, so it starts at 8 MiB and Serial GC (no GC threads) grows it only when
   * needed. Every page of the young generation is touched as allocation cycles through it, so it is
   * held at 2 MiB (collections of it take about a millisecond), and the old generation gives back
   * what it does not need after a full collection (free ratios 10-20 %): together about 2 MiB less
   * than Serial's defaults with the LXC runtime (63 instead of 65 MiB in bench/edge.sh). The rest
   * is native: C1 only, one compiler thread and ten times the usual compile thresholds (the agent
   * is I/O bound; only its really hot methods get compiled, which keeps the code cache and the
   * compiler's arenas small, about 3 MiB less than plain C1); no class data sharing, because this
   * JDK maps the shared archive at a random address and relocates it, which dirties all of its 12
   * MiB while the agent uses a fraction of those classes; 512 KiB thread stacks; and the metaspace
   * hands unused memory back at once.
   */
  static final List<String> AGENT_JVM_OPTIONS =
      List.of(
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
          "-XX:MetaspaceReclaimPolicy=aggressive");

  /**
   * The agent's command line ({@code env MALLOC_ARENA_MAX=2 java -Xmx48m ... -jar mec-agent.jar
   * --master ...}). glibc would give each thread that ever allocated a malloc arena of its own; two
   * are plenty for the agent, and {@code env} sets that whoever started the emulator (then execs
   * java, so the agent's PID and command line are java's).
   */
  public List<String> agentCommand(
      NodePlan node, URI master, String joinToken, Path java, Path agentJar, String heap) {
    NodeSite site = node.site();
    List<String> command =
        new ArrayList<>(List.of("env", "MALLOC_ARENA_MAX=2", java.toString(), "-Xmx" + heap));
    command.addAll(AGENT_JVM_OPTIONS);
    command.addAll(
        List.of(
            "-jar",
            agentJar.toString(),
            "--master",
            agentMasterUrl(master).toString(),
            "--state-dir",
            node.stateDir().toString(),
            "--join-token",
            joinToken,
            "--name",
            site.name(),
            "--latitude",
            EdgeLayout.plain(site.latitude()),
            "--longitude",
            EdgeLayout.plain(site.longitude()),
            "--cpu-millis",
            String.valueOf(site.profile().cpuMillis()),
            "--memory-mib",
            String.valueOf(site.profile().memoryMiB()),
            "--address",
            node.address(),
            "--runtime",
            runtime,
            "--access-point",
            "emulated"));
    return List.copyOf(command);
  }

  /**
   * Wraps a command so that it runs in the node's cgroups and network namespace: a shell writes its
   * own PID into each {@code cgroup.procs} FIRST, then execs {@code nsenter --net} into the
   * namespace, then the command (same PID all along). Not {@code ip netns exec}: that remounts
   * {@code /sys}, which hides the cgroup mounts from the agent (and from LXC, which needs them).
   */
  public static List<String> confined(List<String> command, List<Path> cgroupProcs, String netns) {
    List<String> wrapped = new ArrayList<>();
    if (!cgroupProcs.isEmpty()) {
      wrapped.addAll(
          List.of(
              "bash",
              "-c",
              "set -e; while [ \"$1\" != -- ]; do echo $$ > \"$1\"; shift; done; shift; exec \"$@\"",
              "mec-node"));
      cgroupProcs.forEach(p -> wrapped.add(p.toString()));
      wrapped.add("--");
    }
    if (netns != null) {
      wrapped.addAll(List.of("nsenter", "--net=" + NETNS_DIR + "/" + netns, "--"));
    }
    wrapped.addAll(command);
    return wrapped;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

package org.mecconpaas.agent.emulation;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mecconpaas.agent.emulation.EmulatorSettings.Isolation;
import org.mecconpaas.agent.runtime.lxc.CommandRunner;
import org.mecconpaas.agent.runtime.lxc.HostChecks;
import org.mecconpaas.agent.runtime.lxc.LxcOptions;
import org.mecconpaas.agent.runtime.lxc.LxcRuntime;

/**
 * N node agents on this machine as emulated boards (see {@link EdgePlan} for the topology). A
 * handle: {@link #close()} stops every agent by PID and removes every namespace, veth, qdisc,
 * cgroup and LXC container it made, and the bridge. One namespaced edge runs per machine ({@link
 * EdgeLock}); what a crashed one left ({@code mec-n*}, {@code mec-h*}, {@code mecbr0}, cgroups,
 * agents) is removed at start, so the bridge is always this edge's own.
 *
 * <p>Failure injection: {@link #stop} pulls a board's plug (SIGKILL to the agent, everything it
 * started, and everything in the board's cgroup); {@link #isolate} cuts a board off the network
 * ({@code ip link set mec-hX down}: master and other boards lose it, its containers too) or,
 * without namespaces, freezes its agent with SIGSTOP (its instances keep running, the master stops
 * hearing from it).
 */
public final class EmulatedEdge implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EmulatedEdge.class.getName());
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  static final int GRACE_SECONDS = 5;
  private static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);

  private final EdgePlan plan;
  private final EmulatorSettings settings;
  private final URI masterUrl;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final CommandRunner runner = CommandRunner.system();
  private final Map<String, Process> agents = new LinkedHashMap<>();
  private final Set<String> frozen = new HashSet<>();
  private final Path baseDir;
  private final EdgeNetwork network;
  private final AgentPidFiles pidFiles;
  private boolean closed;
  private EdgeLock lock;

  private EmulatedEdge(
      EdgePlan plan, Path baseDir, URI masterUrl, List<String> joinTokens, EmulatorSettings s) {
    this.plan = plan;
    this.baseDir = baseDir.toAbsolutePath();
    this.masterUrl = masterUrl;
    this.settings = s;
    this.network = new EdgeNetwork(plan, runner);
    this.pidFiles = new AgentPidFiles(this.baseDir);
    for (int i = 0; i < plan.nodes().size(); i++) {
      tokens.put(plan.nodes().get(i).name(), joinTokens.get(i));
    }
  }

  /** Starts the boards with {@link EmulatorSettings#defaults()}. */
  public static EmulatedEdge start(
      EdgeLayout layout, Path baseDir, URI masterUrl, List<String> joinTokens, String runtime)
      throws IOException {
    return start(layout, baseDir, masterUrl, joinTokens, runtime, EmulatorSettings.defaults());
  }

  /**
   * Builds the boards' network and cgroups and starts one agent per board.
   *
   * @param joinTokens one per node, in layout order (the master makes them)
   * @param runtime {@code process} or {@code lxc} (lxc needs root; the base container is made here,
   *     in the host's network namespace, because the boards' namespaces cannot reach Debian's
   *     mirror)
   */
  public static EmulatedEdge start(
      EdgeLayout layout,
      Path baseDir,
      URI masterUrl,
      List<String> joinTokens,
      String runtime,
      EmulatorSettings settings)
      throws IOException {
    if (joinTokens.size() < layout.size()) {
      throw new IllegalArgumentException(
          layout.size() + " nodes but " + joinTokens.size() + " join tokens");
    }
    boolean namespaced = namespaced(settings.isolation());
    if (runtime.equals("lxc") && !namespaced) {
      throw new IllegalStateException(
          "the emulated edge runs the lxc runtime only as root (network namespaces and LXC);"
              + " run as root or use --runtime process");
    }
    if (!namespaced) {
      LOG.log(
          Level.INFO,
          "emulated edge without namespaces or cgroups ({0}): {1} agents on 127.0.0.11.., master at"
              + " 127.0.0.1, no resource limits or traffic shaping",
          HostChecks.isRoot() ? "loopback requested" : "not root",
          layout.size());
    }
    EdgePlan plan = EdgePlan.of(layout, baseDir, namespaced, runtime);
    EmulatedEdge edge = new EmulatedEdge(plan, baseDir, masterUrl, joinTokens, settings);
    try {
      edge.build();
      for (NodePlan node : plan.nodes()) {
        edge.launch(node);
      }
    } catch (IOException | RuntimeException e) {
      edge.close();
      throw e;
    }
    return edge;
  }

  private static boolean namespaced(Isolation isolation) {
    boolean root = HostChecks.isRoot();
    return switch (isolation) {
      case AUTO -> root;
      case LOOPBACK -> false;
      case NAMESPACES -> {
        if (!root) {
          throw new IllegalStateException("network namespaces need root");
        }
        yield true;
      }
    };
  }

  private void build() throws IOException {
    Files.createDirectories(baseDir);
    if (plan.namespaced()) {
      lock = EdgeLock.acquire(); // before touching anything another edge might own
    }
    plan.nodes().forEach(pidFiles::killOrphan);
    if (plan.namespaced()) {
      network.removeLeftovers();
      network.build(settings.shapingRate());
    }
    if (plan.runtime().equals("lxc")) {
      for (NodePlan node : plan.nodes()) {
        lxcOptions(node).store(node.stateDir());
      }
      NodePlan first = plan.nodes().get(0);
      Duration took = new LxcRuntime(first.stateDir(), lxcOptions(first), runner).prepareBase();
      LOG.log(Level.INFO, "LXC base container ready ({0} ms spent creating it)", took.toMillis());
    }
  }

  /** The node's containers join the node's own bridge and nest in its cgroups. */
  static LxcOptions lxcOptions(NodePlan node) {
    return LxcOptions.defaults()
        .withAddressRange(
            node.containerAddresses().firstAddress(), node.containerAddresses().lastAddress())
        .withNestCgroups(true);
  }

  private void launch(NodePlan node) throws IOException {
    List<String> agent =
        plan.agentCommand(
            node,
            masterUrl,
            tokens.get(node.name()),
            settings.java(),
            settings.agentJar(),
            settings.heap());
    if (settings.command() == null && !Files.isRegularFile(settings.agentJar())) {
      throw new IOException(
          "agent jar "
              + settings.agentJar()
              + " not found: build it (mvn -pl agent package) or pass its path");
    }
    List<String> command =
        settings.command() == null ? agent : settings.command().apply(node, agent);
    List<Path> cgroupProcs =
        network.cgroup(node.name()).map(NodeCgroup::procsFiles).orElse(List.of());
    List<String> full = EdgePlan.confined(command, cgroupProcs, node.netns());
    Files.createDirectories(node.stateDir());
    Process process =
        new ProcessBuilder(full)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(node).toFile()))
            .start();
    agents.put(node.name(), process);
    frozen.remove(node.name());
    pidFiles.write(node, process.pid());
    LOG.log(
        Level.INFO,
        "node {0} at {1}: agent PID {2}",
        node.name(),
        node.address(),
        String.valueOf(process.pid()));
  }

  private Path log(NodePlan node) {
    return baseDir.resolve(node.name() + ".log");
  }

  public boolean namespaced() {
    return plan.namespaced();
  }

  public EdgePlan plan() {
    return plan;
  }

  /** The master URL the agents were given. */
  public URI agentMasterUrl() {
    return plan.agentMasterUrl(masterUrl);
  }

  public synchronized List<EmulatedNode> nodes() {
    return plan.nodes().stream().map(this::snapshot).toList();
  }

  public synchronized EmulatedNode node(String name) {
    return snapshot(plan.node(name));
  }

  private EmulatedNode snapshot(NodePlan node) {
    Process p = agents.get(node.name());
    return new EmulatedNode(
        node.name(),
        node.index(),
        node.address(),
        node.site().latitude(),
        node.site().longitude(),
        p != null && p.isAlive() ? p.pid() : -1,
        node.netns(),
        node.hostVeth(),
        node.stateDir(),
        log(node));
  }

  /** The agent's PID, or -1 when it is not running. */
  public long pid(String node) {
    return node(node).pid();
  }

  public String address(String node) {
    return plan.node(node).address();
  }

  /**
   * Pulls the board's plug: SIGKILL to its agent, every process the agent started and, when it has
   * cgroups, every process in them (its LXC containers included).
   */
  public synchronized void stop(String name) {
    NodePlan node = plan.node(name);
    Process process = agents.get(name);
    if (process != null) {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      waitFor(process, GRACE);
    }
    network
        .cgroup(node.name())
        .filter(cgroup -> !cgroup.killAll(GRACE))
        .ifPresent(
            cgroup ->
                LOG.log(
                    Level.WARNING, "processes of {0} survived SIGKILL: {1}", name, cgroup.pids()));
    frozen.remove(name);
  }

  /** Starts the board's agent again (stopping it first if it runs), with its state kept. */
  public synchronized void restart(String name) throws IOException {
    Process process = agents.get(name);
    if (process != null && process.isAlive()) {
      stop(name);
    }
    launch(plan.node(name));
  }

  /**
   * Cuts the board off ({@code true}) or reconnects it. Namespaced: the host end of its link goes
   * down or up. Without namespaces: SIGSTOP or SIGCONT to its agent only.
   */
  public synchronized void isolate(String name, boolean isolated) throws IOException {
    NodePlan node = plan.node(name);
    if (plan.namespaced()) {
      network.isolate(node, isolated);
      return;
    }
    Process process = agents.get(name);
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("the agent of " + name + " is not running");
    }
    runner.check(
        List.of("kill", isolated ? "-STOP" : "-CONT", String.valueOf(process.pid())),
        COMMAND_TIMEOUT);
    if (isolated) {
      frozen.add(name);
    } else {
      frozen.remove(name);
    }
  }

  /**
   * Stops every agent (SIGTERM, then after {@value #GRACE_SECONDS} s the same as {@link #stop}),
   * removes the boards' LXC containers, the network and the cgroups. Idempotent; failures are
   * logged and the cleanup goes on.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    terminateAgents();
    if (lock != null) { // namespaced, and this edge built it
      if (plan.runtime().equals("lxc")) {
        plan.nodes().forEach(this::removeContainers);
      }
      network.teardown();
      lock.close();
      lock = null;
    }
    agents.keySet().forEach(name -> pidFiles.delete(plan.node(name)));
  }

  private void terminateAgents() {
    for (Map.Entry<String, Process> entry : agents.entrySet()) {
      if (frozen.contains(entry.getKey())) {
        try {
          runner.run(List.of("kill", "-CONT", String.valueOf(entry.getValue().pid())), GRACE);
        } catch (IOException e) {
          LOG.log(Level.DEBUG, "could not resume " + entry.getKey(), e);
        }
      }
      entry.getValue().destroy();
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (Process p : agents.values()) {
      waitFor(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    for (String name : new ArrayList<>(agents.keySet())) {
      stop(name);
    }
  }

  private void removeContainers(NodePlan node) {
    CommandRunner inNode =
        node.namespaced()
            ? runner.prefixed(
                List.of("nsenter", "--net=" + EdgePlan.NETNS_DIR + "/" + node.netns(), "--"))
            : runner;
    try {
      LxcRuntime lxc = new LxcRuntime(node.stateDir(), lxcOptions(node), inNode);
      for (String container : lxc.list()) {
        LOG.log(Level.INFO, "removing container {0} of {1}", container, node.name());
        lxc.remove(container);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not remove the containers of " + node.name(), e);
    }
  }

  private static void waitFor(Process process, Duration bound) {
    try {
      process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

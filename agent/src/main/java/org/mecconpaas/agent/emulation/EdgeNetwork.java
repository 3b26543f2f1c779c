package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.agent.runtime.lxc.CommandRunner;

/**
 * Applies the network and cgroup part of an {@link EdgePlan} (namespaced mode only): removes a
 * crashed run's leftovers, builds the bridge, the boards' namespaces, links, shaping and cgroups,
 * cuts and restores links, and tears everything down.
 */
final class EdgeNetwork {

  private static final System.Logger LOG = System.getLogger(EdgeNetwork.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final EdgePlan plan;
  private final CommandRunner runner;
  private final Map<String, NodeCgroup> cgroups = new LinkedHashMap<>();
  private boolean bridgeCreated;

  EdgeNetwork(EdgePlan plan, CommandRunner runner) {
    this.plan = plan;
    this.runner = runner;
  }

  /** Leftovers of a crashed run: their processes, namespaces, veths, the bridge, cgroups. */
  void removeLeftovers() throws IOException {
    EdgePlan.Stale stale =
        EdgePlan.Stale.parse(
            runner.check(List.of("ip", "netns", "list"), TIMEOUT),
            runner.check(List.of("ip", "-o", "link", "show"), TIMEOUT));
    for (String ns : stale.namespaces()) {
      String pids = runner.run(List.of("ip", "netns", "pids", ns), TIMEOUT).output();
      for (String pid : pids.split("\\s+")) {
        if (pid.matches("\\d+")) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
    for (NodeCgroup cgroup : NodeCgroup.stale()) {
      cgroup.remove(GRACE);
    }
    for (List<String> command : stale.cleanup()) {
      LOG.log(Level.INFO, "removing a leftover of an earlier run: {0}", String.join(" ", command));
      runner.run(command, TIMEOUT);
    }
  }

  /** The bridge, then per board its namespace, link, shaping and cgroups. */
  void build(String shapingRate) throws IOException {
    for (List<String> command : EdgePlan.bridgeSetup()) {
      runner.check(command, TIMEOUT);
      bridgeCreated = true;
    }
    for (NodePlan node : plan.nodes()) {
      for (List<String> command : EdgePlan.nodeSetup(node, shapingRate)) {
        runner.check(command, TIMEOUT);
      }
      Optional<NodeCgroup> cgroup = NodeCgroup.create(node.cgroup(), node.site().profile());
      cgroup.ifPresentOrElse(
          c -> cgroups.put(node.name(), c),
          () -> LOG.log(Level.WARNING, "no cgroup v1 cpu/memory: {0} runs unlimited", node.name()));
    }
  }

  /** The board's cgroups, if it has any. */
  Optional<NodeCgroup> cgroup(String node) {
    return Optional.ofNullable(cgroups.get(node));
  }

  /** Takes the host end of the board's link down (cut off) or up. */
  void isolate(NodePlan node, boolean isolated) throws IOException {
    runner.check(List.of("ip", "link", "set", node.hostVeth(), isolated ? "down" : "up"), TIMEOUT);
  }

  /** Removes namespaces, links, qdiscs, the bridge if made here, and the cgroups. */
  void teardown() {
    for (List<String> command : plan.teardown(bridgeCreated)) {
      try {
        runner.run(command, TIMEOUT);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cleanup step failed: " + String.join(" ", command), e);
      }
    }
    cgroups.forEach(
        (name, cgroup) -> {
          if (!cgroup.remove(GRACE)) {
            LOG.log(Level.WARNING, "could not remove the cgroups of {0}", name);
          }
        });
    cgroups.clear();
  }
}

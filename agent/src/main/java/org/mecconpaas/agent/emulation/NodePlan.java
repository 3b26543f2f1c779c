package org.mecconpaas.agent.emulation;

import java.nio.file.Path;
import org.mecconpaas.agent.runtime.lxc.AddressPool;

/**
 * Everything the emulator derives for one board from its position X (1-based) in the layout.
 *
 * @param index X
 * @param site name, position, hardware
 * @param netns {@code mec-nX}, or null without namespaces
 * @param hostVeth {@code mec-hX}, the host end of the node's link, or null without namespaces
 * @param address {@code 10.77.0.(10+X)} on the bridge; {@code 127.0.0.(10+X)} without namespaces
 * @param cgroup {@code mec-nX}, the node's cgroup in the cpu and memory hierarchies
 * @param stateDir the agent's state directory, {@code BASE/NAME}
 * @param containerAddresses the node's slice of 10.77.0.100-254 for its LXC containers
 */
public record NodePlan(
    int index,
    NodeSite site,
    String netns,
    String hostVeth,
    String address,
    String cgroup,
    Path stateDir,
    AddressPool containerAddresses) {

  public String name() {
    return site.name();
  }

  public boolean namespaced() {
    return netns != null;
  }
}

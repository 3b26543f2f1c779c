package org.mecconpaas.agent.emulation;

import java.nio.file.Path;

/**
 * A snapshot of one running board, for the caller and the master's reports.
 *
 * @param name the node's name (what it enrolls as)
 * @param address its address: 10.77.0.(10+X) namespaced, 127.0.0.(10+X) otherwise
 * @param pid the agent's PID, -1 when stopped
 * @param netns its network namespace, null without namespaces
 * @param hostVeth the host end of its link, null without namespaces
 * @param stateDir the agent's state directory
 * @param log the agent's stdout and stderr
 */
public record EmulatedNode(
    String name,
    int index,
    String address,
    double latitude,
    double longitude,
    long pid,
    String netns,
    String hostVeth,
    Path stateDir,
    Path log) {

  public boolean running() {
    return pid > 0;
  }
}

package org.mecconpaas.agent.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox an instance runs in. Implementations must be idempotent: {@link #ensure} on an
 * existing, healthy container changes nothing, so an agent restart never recreates it.
 */
public interface ContainerRuntime {

  /** The runtime's name in configuration: {@code process} or {@code lxc}. */
  String name();

  /**
   * Checks that the runtime can work on this machine (binaries, permissions, kernel features).
   *
   * @throws RuntimeUnavailable with a message saying what is missing and what to do
   */
  void checkAvailable() throws RuntimeUnavailable;

  /** Creates the container if it does not exist yet and starts it if it is stopped. */
  void ensure(ContainerSpec spec) throws IOException;

  /** Names of the containers this runtime holds on this node, running or not. */
  Set<String> list() throws IOException;

  /** Whether the container exists and is running. */
  boolean isRunning(String name) throws IOException;

  /**
   * The directory, as seen from the agent, where the instance's code bundle is unpacked and its
   * scripts run; created by {@link #ensure}.
   */
  Path workDir(String name);

  /**
   * {@link #workDir} as processes inside the container see it (the same path, unless the container
   * mounts it elsewhere).
   */
  default String workDirInside(String name) {
    return workDir(name).toString();
  }

  /**
   * Starts a command inside the container as the leader of a new process group, in {@link
   * #workDir}, with stdout and stderr appended to the given files.
   *
   * @return the started process (on the agent's side: for {@code lxc} the {@code lxc-attach}
   *     process); killing its process group stops the command and all its children
   */
  Process exec(
      String name, List<String> command, Map<String, String> environment, Path stdout, Path stderr)
      throws IOException;

  /**
   * The container's own network address, when it has one (lxc); empty when instances share the
   * node's address (process). Scripts get it as {@code MY_IP} and the master learns it from the
   * heartbeat.
   */
  default java.util.Optional<String> ownAddress(String name) throws IOException {
    return java.util.Optional.empty();
  }

  /**
   * What the container's processes use now, for the instance's charts; empty when this runtime
   * cannot tell.
   */
  default java.util.Optional<ContainerUsage> usage(String name) throws IOException {
    return java.util.Optional.empty();
  }

  /** Stops and deletes the container and its files. Removing a missing container is no error. */
  void remove(String name) throws IOException;
}

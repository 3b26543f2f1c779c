package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs host commands (lxc-*, ip, tc) to completion. An interface so that tests can record the
 * command lines instead of running them.
 */
@FunctionalInterface
public interface CommandRunner {

  /** What a finished command returned: its exit code and its stdout and stderr, merged. */
  record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs the command with stdin from /dev/null and waits at most {@code timeout}; a command still
   * running then is killed and reported as failed.
   */
  Result run(List<String> command, Duration timeout) throws IOException;

  /** Runs the command and fails with its output unless it exits with 0. */
  default String check(List<String> command, Duration timeout) throws IOException {
    Result result = run(command, timeout);
    if (!result.ok()) {
      throw new IOException(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ": "
              + result.output().strip());
    }
    return result.output();
  }

  /**
   * This runner with every command prefixed, e.g. by {@code nsenter --net=NETNS --} to run LXC
   * commands in the network namespace where the containers were started.
   */
  default CommandRunner prefixed(List<String> prefix) {
    CommandRunner inner = this;
    return (command, timeout) -> {
      List<String> full = new ArrayList<>(prefix);
      full.addAll(command);
      return inner.run(full, timeout);
    };
  }

  /** The runner that starts real processes on this machine. */
  static CommandRunner system() {
    return new SystemCommandRunner();
  }
}

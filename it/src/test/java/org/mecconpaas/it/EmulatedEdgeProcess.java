package org.mecconpaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The processes of an emulated edge: the emulator a master started, found by the PID file in the
 * master's edge directory, and its node agents, found by their command lines.
 */
public final class EmulatedEdgeProcess {
  private static final Duration GRACE = Duration.ofSeconds(30);

  private EmulatedEdgeProcess() {}

  /** SIGTERM (the emulator removes its namespaces and agents), SIGKILL if it lingers. */
  /**
   * Stops a test's master, then its emulated edge by the edge's PID file: after a SIGKILL the edge
   * is no child of any launcher. Either may be null when the test failed before starting it.
   */
  public static void stopMasterAndEdge(RunningMaster master, MasterSetup setup) throws IOException {
    try {
      if (master != null) {
        master.close();
      }
    } finally {
      if (setup != null) {
        stop(setup.dataDir().resolve("edge"));
      }
    }
  }

  public static void stop(Path edgeDir) throws IOException {
    Path pidFile = edgeDir.resolve("emulator.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle.of(pid)
        .filter(p -> p.info().commandLine().map(c -> c.contains("EdgeEmulatorMain")).orElse(false))
        .ifPresent(
            emulator -> {
              emulator.destroy();
              try {
                emulator.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
              } catch (Exception e) {
                emulator.destroyForcibly();
              }
            });
  }

  /**
   * The agent process of an emulated node: {@code mec-agent.jar} and {@code --name node} on its
   * command line, and its state directory in {@code edgeDir}, so that an agent of another edge on
   * the same machine (a loopback edge, or one left behind) is never taken for it.
   */
  public static ProcessHandle agent(Path edgeDir, String node) {
    String stateDir = edgeDir.toAbsolutePath().resolve(node).toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(
                        c ->
                            c.contains("mec-agent.jar")
                                && c.contains("--name " + node + " ")
                                && c.contains(stateDir))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no agent process for " + node));
  }
}

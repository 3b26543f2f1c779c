package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code BASE/NAME.pid} per board, so that agents a crashed emulator left running (on loopback
 * nothing else finds them) are killed by the next start.
 */
final class AgentPidFiles {

  private static final System.Logger LOG = System.getLogger(AgentPidFiles.class.getName());

  private final Path baseDir;

  AgentPidFiles(Path baseDir) {
    this.baseDir = baseDir;
  }

  Path file(NodePlan node) {
    return baseDir.resolve(node.name() + ".pid");
  }

  void write(NodePlan node, long pid) throws IOException {
    Files.writeString(file(node), pid + "\n");
  }

  void delete(NodePlan node) {
    try {
      Files.deleteIfExists(file(node));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete " + file(node), e);
    }
  }

  /**
   * Kills the agent named in the board's PID file, with what it started, if that process still runs
   * with the board's state directory on its command line (a reused PID is never hit).
   */
  void killOrphan(NodePlan node) {
    Path file = file(node);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(file).strip());
      Optional<ProcessHandle> orphan =
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .filter(p -> commandLineHas(p, node.stateDir().toString()));
      if (orphan.isPresent()) {
        LOG.log(Level.INFO, "killing agent {0} of {1} left by an earlier run", pid, node.name());
        List<ProcessHandle> children = orphan.get().descendants().toList();
        orphan.get().destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (IOException | NumberFormatException e) {
      LOG.log(Level.DEBUG, "unreadable PID file " + file, e);
    }
    delete(node);
  }

  private static boolean commandLineHas(ProcessHandle process, String text) {
    return process.info().commandLine().map(c -> c.contains(text)).orElse(false);
  }
}

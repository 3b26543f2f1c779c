package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.mecconpaas.agent.runtime.ProcessGroups;

/**
 * A running script: either a child this agent started, or one a previous agent started and this one
 * adopted by PID (and start time). The exit code comes from the child, or for an adopted script
 * from the status file the wrapper shell writes when the script ends.
 */
final class ScriptProcess {
  private final Process child;
  private final long pid;
  private final long startedAtMillis;
  private final Path statusFile;

  private ScriptProcess(Process child, long pid, long startedAtMillis, Path statusFile) {
    this.child = child;
    this.pid = pid;
    this.startedAtMillis = startedAtMillis;
    this.statusFile = statusFile;
  }

  static ScriptProcess started(Process child, Path statusFile) {
    return new ScriptProcess(child, child.pid(), ProcessGroups.startTime(child.pid()), statusFile);
  }

  static ScriptProcess adopted(long pid, long startedAtMillis, Path statusFile) {
    return new ScriptProcess(null, pid, startedAtMillis, statusFile);
  }

  long pid() {
    return pid;
  }

  long startedAtMillis() {
    return startedAtMillis;
  }

  boolean isAlive() {
    return child != null ? child.isAlive() : ProcessGroups.isSameProcess(pid, startedAtMillis);
  }

  /** Completes when the process ends; used to wake the reconciler without polling. */
  CompletableFuture<?> onExit() {
    return child != null
        ? child.onExit()
        : ProcessHandle.of(pid)
            .map(ProcessHandle::onExit)
            .orElse(CompletableFuture.completedFuture(null));
  }

  /** The exit code once ended; null when unknown (killed before the wrapper could write it). */
  Integer exitCode() {
    if (child != null) {
      return child.exitValue();
    }
    return readStatus(statusFile);
  }

  static Integer readStatus(Path statusFile) {
    try {
      return Integer.valueOf(Files.readString(statusFile).trim());
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }
}

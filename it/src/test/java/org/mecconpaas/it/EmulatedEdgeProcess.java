package org.mecconpaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The edge emulator a master started, found by the PID file in the master's edge directory. */
final class EmulatedEdgeProcess {
  private static final Duration GRACE = Duration.ofSeconds(30);

  private EmulatedEdgeProcess() {}

  /** SIGTERM (the emulator removes its namespaces and agents), SIGKILL if it lingers. */
  static void stop(Path edgeDir) throws IOException {
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
}

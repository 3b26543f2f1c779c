package org.mecconpaas.agent.runtime.lxc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as real processes. The output goes to a temporary file, not a pipe: {@code
 * lxc-start -d} leaves a daemon holding the output open, and reading a pipe would wait for it.
 */
final class SystemCommandRunner implements CommandRunner {

  private static final File DEV_NULL = new File("/dev/null");

  @Override
  public Result run(List<String> command, Duration timeout) throws IOException {
    Path output = Files.createTempFile("mec-cmd", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command.get(0), e);
      }
      if (!finished) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + read(output));
      }
      return new Result(process.exitValue(), read(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String read(Path output) throws IOException {
    return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
  }
}

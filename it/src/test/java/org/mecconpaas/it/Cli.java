package org.mecconpaas.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI jar run as a separate process ({@code java -jar mec.jar ...}), as a user runs it:
 * with its own config directory ({@code MEC_CONFIG_DIR}), so two instances are two logged-in users,
 * and its own working directory for the files it reads and writes.
 */
final class Cli {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path jar;
  private final Path configDir;
  private final Path workDir;

  Cli(Path jar, Path configDir, Path workDir) throws IOException {
    this.jar = jar;
    this.configDir = configDir;
    this.workDir = Files.createDirectories(workDir);
  }

  Path workDir() {
    return workDir;
  }

  Path configFile() {
    return configDir.resolve("config.properties");
  }

  CliRun run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  /** Runs {@code mec args...}, feeding {@code stdin} (if not null) and collecting both outputs. */
  CliRun runWithInput(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    // Files, not pipes: a full pipe would block the CLI while this thread waits for its exit.
    Path out = Files.createTempFile(workDir, "mec-", ".out");
    Path err = Files.createTempFile(workDir, "mec-", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      builder.environment().put("MEC_CONFIG_DIR", configDir.toString());
      builder.environment().remove("MEC_DEBUG");
      Process process = builder.start();
      if (stdin != null) {
        try (OutputStream in = process.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("mec " + String.join(" ", args) + " still ran after " + TIMEOUT);
      }
      return new CliRun(
          List.of(args),
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

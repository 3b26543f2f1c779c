package org.mecconpaas.it.mobility;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI jar as a process ({@code java -jar mec.jar ...}) with its own config directory, as
 * an experimenter runs it; output goes to files (a long experiment prints its progress while it
 * runs) and is returned with the exit code.
 */
final class MecProcess {
  /** What one run left: exit code, stdout and stderr. */
  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
  }

  private final Path jar;
  private final Path configDir;
  private final Path workDir;

  /**
   * Runs a copy of {@code jar}: a run lasts minutes, and a build that rewrites the jar meanwhile
   * would pull classes from under the running CLI.
   */
  MecProcess(Path jar, Path workDir) throws IOException {
    this.workDir = Files.createDirectories(workDir);
    this.jar = Files.copy(jar, workDir.resolve("mec.jar"), StandardCopyOption.REPLACE_EXISTING);
    this.configDir = Files.createDirectories(workDir.resolve("mec-config"));
  }

  Path workDir() {
    return workDir;
  }

  Result run(Duration limit, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "mec-", ".out");
    Path err = Files.createTempFile(workDir, "mec-", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    builder.environment().put("MEC_CONFIG_DIR", configDir.toString());
    Process process = builder.start();
    if (stdin != null) {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "mec "
              + String.join(" ", args)
              + " still ran after "
              + limit
              + "\n"
              + Files.readString(err));
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@code mec login} as {@code user}, the password on stdin. */
  void login(String url, String user, String password) throws IOException, InterruptedException {
    Result login =
        run(
            Duration.ofSeconds(60),
            password + "\n",
            "login",
            "--url",
            url,
            "--username",
            user,
            "--password-stdin");
    if (login.exitCode() != 0) {
      throw new AssertionError("mec login failed: " + login.describe());
    }
  }
}

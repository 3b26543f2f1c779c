package org.mecconpaas.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import picocli.CommandLine;

/** Runs {@code mec} in-process through picocli's execute, with its own config dir and streams. */
final class MecRunner {

  record Result(int exitCode, String out, String err) {}

  private final Path configDirectory;
  private final Path workingDirectory;
  private InputStream stdin = new ByteArrayInputStream(new byte[0]);
  private Environment.PasswordPrompt prompt = text -> null;
  private final FakeClock clock = new FakeClock();

  MecRunner(Path temporaryDirectory) {
    this.configDirectory = temporaryDirectory.resolve("config");
    this.workingDirectory = temporaryDirectory;
  }

  /** The clock of every run: polling commands never really sleep in tests. */
  FakeClock clock() {
    return clock;
  }

  Path configDirectory() {
    return configDirectory;
  }

  ConfigStore store() {
    return new ConfigStore(configDirectory);
  }

  MecRunner stdin(String text) {
    this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  MecRunner prompt(Environment.PasswordPrompt prompt) {
    this.prompt = prompt;
    return this;
  }

  /** Saves a login to {@code master} as if {@code mec login} had run. */
  MecRunner loggedInTo(FakeMaster master) {
    store().save(new CliConfig(master.url(), "alice", "secret-token", "tok-1"));
    return this;
  }

  Result run(String... args) {
    Environment environment =
        Environment.fromVariables(
                Map.of(Environment.CONFIG_DIR_VARIABLE, configDirectory.toString()))
            .withWorkingDirectory(workingDirectory)
            .withStdin(stdin)
            .withPasswordPrompt(prompt)
            .withStderrTerminal(false)
            .withClock(clock);
    CommandLine commandLine = Mec.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}

package org.mecconpaas.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mecconpaas.cli.output.Terminal;

/**
 * Everything the CLI takes from the process around it. Gathered in one value so tests can run the
 * real commands with their own config directory, stdin and working directory instead of the user's.
 *
 * @param configDirectory where the login is saved: {@code $MEC_CONFIG_DIR}, else {@code ~/.mec}
 * @param workingDirectory what relative file arguments are resolved against
 * @param stdin read by {@code --password-stdin}
 * @param passwordPrompt asks for a password without echo
 * @param stderrIsTerminal whether progress bars may redraw in place
 * @param clock the time and the pauses of commands that poll ({@code wait}, {@code logs --follow})
 */
public record Environment(
    Path configDirectory,
    Path workingDirectory,
    InputStream stdin,
    PasswordPrompt passwordPrompt,
    boolean stderrIsTerminal,
    Clock clock) {

  public static final String CONFIG_DIR_VARIABLE = "MEC_CONFIG_DIR";

  /** Asks for a password on the terminal; answers {@code null} when there is no terminal. */
  @FunctionalInterface
  public interface PasswordPrompt {
    char[] readPassword(String prompt);
  }

  /** The wall clock and a way to pause; tests use one that moves on without sleeping. */
  public interface Clock {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    Clock SYSTEM =
        new Clock() {
          @Override
          public Instant now() {
            return Instant.now();
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
          }
        };
  }

  /** The real process: its environment variables, home, stdin and console. */
  public static Environment system() {
    return fromVariables(System.getenv());
  }

  /** The real process, but with the given environment variables. */
  public static Environment fromVariables(Map<String, String> variables) {
    String configured = variables.get(CONFIG_DIR_VARIABLE);
    Path configDirectory =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".mec");
    return new Environment(
        configDirectory,
        Path.of("").toAbsolutePath(),
        System.in,
        Environment::consolePassword,
        Terminal.stderrIsTerminal(),
        Clock.SYSTEM);
  }

  public Environment withStdin(InputStream newStdin) {
    return new Environment(
        configDirectory, workingDirectory, newStdin, passwordPrompt, stderrIsTerminal, clock);
  }

  public Environment withWorkingDirectory(Path directory) {
    return new Environment(
        configDirectory, directory, stdin, passwordPrompt, stderrIsTerminal, clock);
  }

  public Environment withPasswordPrompt(PasswordPrompt prompt) {
    return new Environment(
        configDirectory, workingDirectory, stdin, prompt, stderrIsTerminal, clock);
  }

  public Environment withStderrTerminal(boolean terminal) {
    return new Environment(
        configDirectory, workingDirectory, stdin, passwordPrompt, terminal, clock);
  }

  public Environment withClock(Clock newClock) {
    return new Environment(
        configDirectory, workingDirectory, stdin, passwordPrompt, stderrIsTerminal, newClock);
  }

  /** A path given on the command line, taken relative to the working directory. */
  public Path resolve(Path argument) {
    return workingDirectory.resolve(argument).normalize();
  }

  private static char[] consolePassword(String prompt) {
    Console console = System.console();
    return console == null ? null : console.readPassword("%s", prompt);
  }
}

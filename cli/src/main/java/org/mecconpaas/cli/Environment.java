package org.mecconpaas.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
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
 */
public record Environment(
    Path configDirectory,
    Path workingDirectory,
    InputStream stdin,
    PasswordPrompt passwordPrompt,
    boolean stderrIsTerminal) {

  public static final String CONFIG_DIR_VARIABLE = "MEC_CONFIG_DIR";

  /** Asks for a password on the terminal; answers {@code null} when there is no terminal. */
  @FunctionalInterface
  public interface PasswordPrompt {
    char[] readPassword(String prompt);
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
        Terminal.stderrIsTerminal());
  }

  public Environment withStdin(InputStream newStdin) {
    return new Environment(
        configDirectory, workingDirectory, newStdin, passwordPrompt, stderrIsTerminal);
  }

  public Environment withWorkingDirectory(Path directory) {
    return new Environment(configDirectory, directory, stdin, passwordPrompt, stderrIsTerminal);
  }

  public Environment withPasswordPrompt(PasswordPrompt prompt) {
    return new Environment(configDirectory, workingDirectory, stdin, prompt, stderrIsTerminal);
  }

  public Environment withStderrTerminal(boolean terminal) {
    return new Environment(configDirectory, workingDirectory, stdin, passwordPrompt, terminal);
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

package org.mecconpaas.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal. Java 17 can only say whether stdin and stdout are ({@code
 * System.console()}), yet a progress bar belongs on stderr and must stay out of {@code 2>log}; on
 * Linux {@code /proc/self/fd/2} tells the truth, elsewhere the console is the best guess.
 */
public final class Terminal {

  private Terminal() {}

  public static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path stderr = Path.of("/proc/self/fd/2");
    if (Files.exists(stderr, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = Files.readSymbolicLink(stderr).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }
}

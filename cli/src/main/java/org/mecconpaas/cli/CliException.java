package org.mecconpaas.cli;

/**
 * A problem on the user's side that the CLI itself detects (a missing file, no terminal to ask for
 * a password): reported as one line and exit code 1, like a 4xx from the master.
 */
public class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }
}

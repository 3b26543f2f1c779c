package org.mecconpaas.agent;

/** Ends the agent with an exit code and a one-line message for the operator. */
final class AgentExit extends Exception {
  private static final long serialVersionUID = 1L;

  /** Bad command line or bad enrollment fields. */
  static final int USAGE = 2;

  /** The configured container runtime cannot work on this machine. */
  static final int RUNTIME_UNAVAILABLE = 3;

  /** The master rejected the join token or the credential. */
  static final int UNAUTHORIZED = 4;

  /** Anything else that stops the agent (unwritable state directory, name taken, ...). */
  static final int FAILURE = 1;

  private final int code;

  AgentExit(int code, String message) {
    super(message);
    this.code = code;
  }

  int code() {
    return code;
  }
}

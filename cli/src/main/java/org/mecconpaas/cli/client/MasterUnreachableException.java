package org.mecconpaas.cli.client;

/**
 * No HTTP answer at all: refused connection, unknown host, timeout, TLS failure. Kept apart from
 * {@link ApiException} because retrying later may help, which the exit code tells scripts.
 */
public final class MasterUnreachableException extends RuntimeException {

  public MasterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.mecconpaas.cli.client;

/**
 * The master answered, but not in the shape docs/api.md promises: a server-side problem (or a
 * version mismatch), so it exits like a 5xx.
 */
public final class UnexpectedAnswerException extends RuntimeException {

  public UnexpectedAnswerException(String message) {
    super(message);
  }
}

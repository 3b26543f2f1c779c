package org.mecconpaas.cli;

/** A command needs a token, and there is none saved. */
public final class NotLoggedInException extends CliException {

  public NotLoggedInException() {
    super("not logged in; run 'mec login --url URL --username NAME' first");
  }
}

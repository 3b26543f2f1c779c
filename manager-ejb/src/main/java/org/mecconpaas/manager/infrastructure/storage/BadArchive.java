package org.mecconpaas.manager.infrastructure.storage;

/** An upload that must be refused; the message says why in the developer's terms. */
public class BadArchive extends Exception {
  private static final long serialVersionUID = 1L;

  public BadArchive(String message) {
    super(message);
  }
}

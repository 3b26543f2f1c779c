package org.mecconpaas.agent.runtime;

/** The configured runtime cannot work here; the message says why and what to do instead. */
public class RuntimeUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  public RuntimeUnavailable(String message) {
    super(message);
  }
}

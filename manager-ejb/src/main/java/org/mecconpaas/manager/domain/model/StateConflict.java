package org.mecconpaas.manager.domain.model;

/**
 * The request does not fit the current state, e.g. starting a running service or reusing a name.
 */
public class StateConflict extends DomainException {
  private static final long serialVersionUID = 1L;

  public StateConflict(String message) {
    super(message);
  }
}

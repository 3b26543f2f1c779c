package org.mecconpaas.manager.domain.model;

/** A request the domain refuses. Its message is safe to show to the caller. */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }
}

package org.mecconpaas.manager.domain.model;

/** Something the caller asked for does not exist or is not theirs to see. */
public class ResourceNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFound(String message) {
    super(message);
  }
}

package org.mecconpaas.manager.domain.model;

/** The caller is known but lacks the role the operation needs. */
public class AccessDenied extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}

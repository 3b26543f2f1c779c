package org.mecconpaas.manager.domain.model;

/** Credentials or token missing, wrong, revoked or expired. */
public class AuthenticationFailed extends DomainException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailed(String message) {
    super(message);
  }
}

package org.mecconpaas.manager.domain.model;

/** A request that is not even well-formed, such as a missing body or a negative page number. */
public class MalformedRequest extends DomainException {
  private static final long serialVersionUID = 1L;

  public MalformedRequest(String message) {
    super(message);
  }
}

package org.mecconpaas.manager.domain.model;

/** An upload went past the configured size limit. */
public class UploadTooLarge extends DomainException {
  private static final long serialVersionUID = 1L;

  public UploadTooLarge(String message) {
    super(message);
  }
}

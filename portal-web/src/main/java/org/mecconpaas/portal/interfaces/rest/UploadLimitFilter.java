package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.domain.model.UploadTooLarge;

/**
 * Refuses an oversize upload from its Content-Length before any byte is read, so the master does
 * not buffer it. Uploads without a length are still cut off while they stream in.
 */
@Provider
public class UploadLimitFilter implements ContainerRequestFilter {
  /** Room for the multipart headers and boundaries around the file. */
  private static final long ENVELOPE = 64 * 1024;

  @Inject private CodeVersions code;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMediaType() == null
        || !request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return;
    }
    long limit = code.maxUploadBytes();
    if (request.getLength() > limit + ENVELOPE) {
      throw new UploadTooLarge("the upload is larger than the limit of " + limit + " bytes");
    }
  }
}

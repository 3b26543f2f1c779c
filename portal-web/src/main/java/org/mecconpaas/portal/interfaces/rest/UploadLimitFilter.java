package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.domain.model.UploadTooLarge;

/**
 * Refuses an oversize upload from its Content-Length before it is buffered. The body is read and
 * thrown away first, because HTTP clients that are still sending report a broken connection instead
 * of the 413; bodies beyond {@link #MAX_DRAIN_FACTOR} times the limit are cut off at once. Uploads
 * without a length are checked while they stream into the code store.
 */
@Provider
public class UploadLimitFilter implements ContainerRequestFilter {
  /** Room for the multipart headers and boundaries around the file. */
  private static final long ENVELOPE = 64 * 1024;

  private static final int MAX_DRAIN_FACTOR = 4;

  @Inject private CodeVersions code;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMediaType() == null
        || !request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return;
    }
    long limit = code.maxUploadBytes();
    long length = request.getLength();
    if (length > limit + ENVELOPE) {
      if (length <= limit * MAX_DRAIN_FACTOR) {
        drain(request.getEntityStream());
      }
      throw new UploadTooLarge("the upload is larger than the limit of " + limit + " bytes");
    }
  }

  private static void drain(InputStream body) {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the client gave up; the 413 goes out anyway if it can
    }
  }
}

package org.mecconpaas.portal.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS' own refusals (unknown path, wrong method or media type) as problem documents. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    String detail =
        switch (status.getStatusCode()) {
          case 404 -> "no such resource";
          case 405 -> "method not allowed on this resource";
          case 415 -> "unsupported content type";
          case 406 -> "cannot produce the requested content type";
          default -> status.getReasonPhrase();
        };
    return new Problem(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse();
  }
}

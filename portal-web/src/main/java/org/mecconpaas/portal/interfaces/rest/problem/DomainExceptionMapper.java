package org.mecconpaas.portal.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.domain.model.UpstreamUnavailable;

/** One HTTP status per kind of domain refusal. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Override
  public Response toResponse(DomainException e) {
    return problemFor(e).toResponse();
  }

  static Problem problemFor(DomainException e) {
    if (e instanceof ResourceNotFound) {
      return new Problem(404, "Not found", e.getMessage());
    }
    if (e instanceof StateConflict) {
      return new Problem(409, "Conflict", e.getMessage());
    }
    if (e instanceof RuleViolation violation) {
      return new Problem(422, "Unprocessable request", e.getMessage(), violation.errors());
    }
    if (e instanceof UploadTooLarge) {
      return new Problem(413, "Upload too large", e.getMessage());
    }
    if (e instanceof AccessDenied) {
      return new Problem(403, "Forbidden", e.getMessage());
    }
    if (e instanceof UpstreamUnavailable) {
      return new Problem(503, "Service unavailable", e.getMessage());
    }
    if (e instanceof AuthenticationFailed) {
      return new Problem(401, "Unauthorized", e.getMessage(), List.of());
    }
    return new Problem(400, "Bad request", e.getMessage());
  }
}

package org.mecconpaas.portal.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else is our fault: 500 without details, logged with the problem's instance id. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (isConstraintViolation(e)) {
      // two requests raced for the same name; the loser learns what a single request would have
      return new Problem(409, "Conflict", "the change conflicts with an existing resource")
          .toResponse();
    }
    String instance = Problem.newInstance();
    LOG.log(Level.SEVERE, "internal error " + instance, e);
    return new Problem(
            500, "Internal server error", "the master failed; see its log for " + instance)
        .toResponse(instance);
  }

  private static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}

package org.mecconpaas.portal.interfaces.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bodies that cannot be read: malformed JSON, unknown fields, wrong types. Jersey wraps the JSON-B
 * failure; the answer names the offending field or position, which is what the developer needs.
 */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<ProcessingException> {
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("Json property (\\S+) can not be mapped");
  private static final Pattern SYNTAX = Pattern.compile("Invalid token.*");

  @Override
  public Response toResponse(ProcessingException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof JsonbException)) {
      cause = cause.getCause();
    }
    return new Problem(400, "Bad request", describe(cause)).toResponse();
  }

  /** Says what is wrong without echoing parser internals or Java class names. */
  static String describe(Throwable cause) {
    if (!(cause instanceof JsonbException)) {
      return "the request body could not be read";
    }
    String message = String.valueOf(cause.getMessage());
    Matcher unknown = UNKNOWN_FIELD.matcher(message);
    if (unknown.find()) {
      return "unknown field '" + unknown.group(1) + "'";
    }
    Matcher syntax = SYNTAX.matcher(message);
    if (syntax.find()) {
      return "malformed JSON: " + syntax.group();
    }
    return "the body does not have the fields and types this resource takes";
  }
}

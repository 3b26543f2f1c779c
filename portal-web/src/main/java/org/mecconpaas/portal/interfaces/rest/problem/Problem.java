package org.mecconpaas.portal.interfaces.rest.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;

/**
 * One problem document. Built with JSON-P rather than JSON-B so the authentication mechanism, which
 * runs before JAX-RS, writes exactly the same shape.
 */
public record Problem(int status, String title, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  /** A stable, documented type per kind of problem, derived from its title. */
  public String type() {
    return "urn:mec:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  public JsonObject toJson(String instance) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", type())
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail)
            .add("instance", instance);
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", list);
    }
    return json.build();
  }

  /** Each occurrence gets its own id, which the log repeats for server errors. */
  public static String newInstance() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  public Response toResponse() {
    return toResponse(newInstance());
  }

  public Response toResponse(String instance) {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance).toString()).build();
  }
}

package org.mecconpaas.cli.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The master answered with an error status. Carries the RFC 9457 problem details when the master
 * sent them, and a synthetic detail ("HTTP 502 Bad Gateway") when something in between answered
 * with plain text or HTML instead.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String detail;
  private final List<FieldError> errors;

  public ApiException(int status, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean isClientError() {
    return status >= 400 && status < 500;
  }

  /** Reads the error answer; the caller still closes the response. */
  static ApiException from(Response response) {
    int status = response.getStatus();
    String fallback = "HTTP " + status + " " + response.getStatusInfo().getReasonPhrase();
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    MediaType type = response.getMediaType();
    boolean json = type != null && type.getSubtype().endsWith("json");
    if (!json || body.isBlank()) {
      return new ApiException(status, fallback, List.of());
    }
    JsonObject problem;
    try {
      problem = new JsonDocument(body).asObject();
    } catch (UnexpectedAnswerException e) {
      return new ApiException(status, fallback, List.of());
    }
    String detail = firstText(problem, "detail", "title");
    return new ApiException(status, detail == null ? fallback : detail, fieldErrors(problem));
  }

  private static List<FieldError> fieldErrors(JsonObject problem) {
    JsonValue errors = problem.get("errors");
    if (errors == null || errors.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    List<FieldError> result = new ArrayList<>();
    for (JsonValue entry : errors.asJsonArray()) {
      if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObject error = entry.asJsonObject();
        result.add(new FieldError(firstText(error, "field"), firstText(error, "message")));
      }
    }
    return result;
  }

  private static String firstText(JsonObject object, String... names) {
    for (String name : names) {
      JsonValue value = object.get(name);
      if (value instanceof JsonString text && !text.getString().isBlank()) {
        return text.getString();
      }
    }
    return null;
  }
}

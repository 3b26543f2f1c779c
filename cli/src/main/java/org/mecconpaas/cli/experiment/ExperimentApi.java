package org.mecconpaas.cli.experiment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.mecconpaas.cli.client.ApiException;
import org.mecconpaas.cli.client.FieldError;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.MasterUnreachableException;

/**
 * The calls of the master's API that an experiment needs beyond {@code MasterClient}: placement,
 * routes, migrations, the mobility emulation and the nodes (docs/api.md). Errors as in {@code
 * MasterClient}: {@link ApiException} for error statuses, {@link MasterUnreachableException} for
 * network failures.
 */
final class ExperimentApi implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 60_000;
  private static final String JSON_ANSWERS = "application/json, application/problem+json";

  private final URI masterUrl;
  private final String token;
  private final Client http;

  ExperimentApi(URI masterUrl, String token) {
    this.masterUrl = masterUrl;
    this.token = token;
    this.http =
        ClientBuilder.newClient(
            new ClientConfig()
                .property(ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MILLIS)
                .property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MILLIS));
  }

  JsonDocument putPlacement(String app, String svc, String json) {
    return send(
        () ->
            request(service(app, svc, "placement"))
                .put(Entity.entity(json, MediaType.APPLICATION_JSON)));
  }

  JsonDocument routes(String app, String svc) {
    return send(() -> request(service(app, svc, "routes")).get());
  }

  JsonDocument migrations(String app, String svc) {
    return send(() -> request(service(app, svc, "migrations")).get());
  }

  JsonDocument nodes() {
    return send(() -> request(api("nodes")).get());
  }

  JsonDocument mobility() {
    return send(() -> request(api("emulation", "mobility")).get());
  }

  JsonDocument startRandomWaypoint(String json) {
    return send(
        () ->
            request(api("emulation", "mobility"))
                .post(Entity.entity(json, MediaType.APPLICATION_JSON)));
  }

  JsonDocument startTrace(String csv) {
    return send(
        () ->
            request(api("emulation", "mobility"))
                .post(Entity.entity(csv, MediaType.valueOf("text/csv"))));
  }

  void stopMobility() {
    send(() -> request(api("emulation", "mobility")).delete());
  }

  /** An error answer as {@link ApiException}: the problem's detail and field errors. */
  static ApiException problem(Response response) {
    int status = response.getStatus();
    String fallback = "HTTP " + status + " " + response.getStatusInfo().getReasonPhrase();
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    MediaType type = response.getMediaType();
    if (type == null || !type.getSubtype().endsWith("json") || body.isBlank()) {
      return new ApiException(status, fallback, List.of());
    }
    try {
      JsonObject problem = new JsonDocument(body).asObject();
      List<FieldError> errors = new ArrayList<>();
      JsonValue list = problem.get("errors");
      if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue entry : list.asJsonArray()) {
          if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject error = entry.asJsonObject();
            errors.add(
                new FieldError(error.getString("field", null), error.getString("message", null)));
          }
        }
      }
      return new ApiException(
          status, problem.getString("detail", problem.getString("title", fallback)), errors);
    } catch (RuntimeException e) {
      return new ApiException(status, fallback, List.of());
    }
  }

  @Override
  public void close() {
    http.close();
  }

  private WebTarget service(String app, String svc, String what) {
    return api("applications", app, "services", svc, what);
  }

  private WebTarget api(String... segments) {
    WebTarget target = http.target(masterUrl).path("api/v1");
    for (String segment : segments) {
      target = target.path("{segment}").resolveTemplate("segment", segment);
    }
    return target;
  }

  private Invocation.Builder request(WebTarget target) {
    return target
        .request()
        .header(HttpHeaders.ACCEPT, JSON_ANSWERS)
        .header("User-Agent", "mec-cli")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  private JsonDocument send(Supplier<Response> call) {
    try (Response response = call.get()) {
      if (response.getStatus() >= 400) {
        throw problem(response);
      }
      return new JsonDocument(response.hasEntity() ? response.readEntity(String.class) : "");
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new MasterUnreachableException(
          "cannot reach the master at " + masterUrl + ": " + reason, e);
    }
  }
}

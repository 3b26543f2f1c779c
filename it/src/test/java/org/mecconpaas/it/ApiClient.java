package org.mecconpaas.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A deliberately small client of the master's REST API ({@code docs/api.md}): the tests use it to
 * check what the CLI shows against the API's own answers, the benchmark to load the master.
 * Immutable; {@link #withToken} gives a client acting as another user over the same connections.
 */
public final class ApiClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String api;
  private final String token;

  public ApiClient(HttpClient http, URI api, String token) {
    this.http = http;
    this.api = api.toString().replaceAll("/+$", "");
    this.token = token;
  }

  /** An anonymous client on its own connection pool. */
  public static ApiClient anonymous(URI api) {
    return new ApiClient(newHttpClient(), api, null);
  }

  /**
   * HTTP/1.1 on purpose: the JDK client would otherwise try an h2c upgrade on the first request,
   * which is not what the CLI or a browser does and skews the first latencies.
   */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public ApiClient withToken(String bearer) {
    return new ApiClient(http, URI.create(api), bearer);
  }

  /** The bearer token this client sends, or null. */
  public String token() {
    return token;
  }

  /** Trades a password for a bearer token ({@code POST /auth/tokens}) and acts with it. */
  public ApiClient login(String username, String password)
      throws IOException, InterruptedException {
    JsonObject body =
        Json.createObjectBuilder().add("username", username).add("password", password).build();
    Answer answer = post("/auth/tokens", body).expect(201);
    return withToken(answer.object().getString("token"));
  }

  /** A GET of a plain-text resource, such as an instance's logs. */
  public Answer text(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "text/plain")
            .header("Authorization", "Bearer " + token);
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  public Answer get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  public Answer post(String path, JsonObject body) throws IOException, InterruptedException {
    return send("POST", path, body == null ? "" : body.toString());
  }

  /** A multipart upload with one part named {@code file}, as the CLI and the portal send it. */
  public Answer upload(String path, String fileName, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "mec-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray()));
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /** {@code path} is relative to {@code /api/v1}, e.g. {@code /applications}. */
  public Answer send(String method, String path, String jsonBody)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (jsonBody == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, BodyPublishers.ofString(jsonBody));
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /** Status and body of one answer; the body is parsed only when asked for. */
  public record Answer(int status, String body) {

    /** This answer, or an exception quoting the body when the status is another one. */
    public Answer expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    public JsonValue json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readValue();
      }
    }

    public JsonObject object() {
      return json().asJsonObject();
    }

    public JsonArray array() {
      return json().asJsonArray();
    }
  }
}

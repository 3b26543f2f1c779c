package org.mecconpaas.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A plain HTTP client for the API, as a script or another language would use it. */
final class ApiClient {
  /** One answer. */
  record Answer(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return (JsonObject) parse();
    }

    JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(text()))) {
        return reader.read();
      }
    }

    /** The problem document's detail, for assertion messages. */
    @Override
    public String toString() {
      return status + " " + contentType + " " + text();
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI base;
  private final String token;
  private final String root;

  ApiClient(URI base, String token) {
    this(base, token, "api/v1/");
  }

  /** A client for another root below {@code base}, e.g. the agent protocol's. */
  ApiClient(URI base, String token, String root) {
    this.base = base;
    this.token = token;
    this.root = root;
  }

  ApiClient as(String otherToken) {
    return new ApiClient(base, otherToken, root);
  }

  URI base() {
    return base;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer post(String path) {
    return send(request(path).POST(BodyPublishers.noBody()));
  }

  Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
  }

  Answer patch(String path, String json) {
    return withBody(path, "PATCH", json);
  }

  Answer put(String path, String json) {
    return withBody(path, "PUT", json);
  }

  private Answer withBody(String path, String method, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, BodyPublishers.ofString(json)));
  }

  /** A multipart/form-data upload with one part named {@code file}. */
  Answer upload(String path, String fileName, byte[] content) {
    String boundary = "mec-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(root + path));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package org.mecconpaas.manager.infrastructure.flink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Talks to a Flink JobManager's REST API (the one its dashboard uses): upload a job jar, run it,
 * list, describe and cancel jobs. The only code that knows Flink's REST paths and JSON.
 */
@ApplicationScoped
public class FlinkRestClient {
  private static final Duration CONNECT = Duration.ofSeconds(3);
  // running a jar executes its main() inside the JobManager, which plans the job first
  private static final Duration RUN = Duration.ofSeconds(60);
  private static final Duration QUERY = Duration.ofSeconds(10);

  /** Flink answered with an error: the status and the messages it gave. */
  public static final class FlinkError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    FlinkError(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1).build();

  /** Uploads a jar; returns the id Flink gave it. */
  public String upload(URI jobManager, Path jar, String fileName)
      throws IOException, FlinkError, InterruptedException {
    String boundary = "mec-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + safeName
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest request =
        HttpRequest.newBuilder(jobManager.resolve("/jars/upload"))
            .timeout(RUN)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    String filename = send(request).getString("filename", "");
    // ".../flink-web-upload/<uuid>_<name>.jar": the id is the file's name
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** Runs an uploaded jar's main() in the JobManager; returns the job id. */
  public String run(URI jobManager, String jarId, List<String> args, Integer parallelism)
      throws IOException, FlinkError, InterruptedException {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("programArgsList", Json.createArrayBuilder(args));
    if (parallelism != null) {
      body.add("parallelism", parallelism);
    }
    HttpRequest request =
        HttpRequest.newBuilder(jobManager.resolve("/jars/" + jarId + "/run"))
            .timeout(RUN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
            .build();
    return send(request).getString("jobid");
  }

  /** Forgets an uploaded jar (the job keeps running). */
  public void deleteJar(URI jobManager, String jarId)
      throws IOException, FlinkError, InterruptedException {
    send(
        HttpRequest.newBuilder(jobManager.resolve("/jars/" + jarId))
            .timeout(QUERY)
            .DELETE()
            .build());
  }

  /** {@code /jobs/overview}: every job the cluster knows. */
  public JsonArray jobs(URI jobManager) throws IOException, FlinkError, InterruptedException {
    return send(get(jobManager, "/jobs/overview")).getJsonArray("jobs");
  }

  /** {@code /jobs/<id>}: one job with its vertices and their metrics. */
  public JsonObject job(URI jobManager, String jobId)
      throws IOException, FlinkError, InterruptedException {
    return send(get(jobManager, "/jobs/" + jobId));
  }

  /** {@code /overview}: task managers, slots and job counts. */
  public JsonObject overview(URI jobManager) throws IOException, FlinkError, InterruptedException {
    return send(get(jobManager, "/overview"));
  }

  public void cancel(URI jobManager, String jobId)
      throws IOException, FlinkError, InterruptedException {
    send(
        HttpRequest.newBuilder(jobManager.resolve("/jobs/" + jobId + "?mode=cancel"))
            .timeout(QUERY)
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static HttpRequest get(URI jobManager, String path) {
    return HttpRequest.newBuilder(jobManager.resolve(path)).timeout(QUERY).GET().build();
  }

  private JsonObject send(HttpRequest request)
      throws IOException, FlinkError, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonObject body = parse(response.body());
    if (response.statusCode() >= 300) {
      throw new FlinkError(response.statusCode(), errors(body, response.body()));
    }
    return body;
  }

  private static JsonObject parse(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  /**
   * Flink's {@code errors} are long stack traces; users need the causes' messages, which are the
   * lines naming an exception with a message.
   */
  static String errors(JsonObject body, String raw) {
    JsonArray errors = body.getJsonArray("errors");
    if (errors == null || errors.isEmpty()) {
      return raw == null || raw.isBlank() ? "no details" : abbreviate(raw);
    }
    StringBuilder summary = new StringBuilder();
    for (JsonValue error : errors) {
      String text = error instanceof JsonString s ? s.getString() : error.toString();
      for (String line : text.split("\n")) {
        String trimmed = line.strip();
        boolean cause = trimmed.startsWith("Caused by: ") || summary.isEmpty();
        if (cause && !trimmed.startsWith("at ") && !trimmed.isEmpty()) {
          if (!summary.isEmpty()) {
            summary.append(" | ");
          }
          summary.append(withoutClassName(trimmed.replaceFirst("^Caused by: ", "")));
        }
      }
    }
    return abbreviate(summary.toString());
  }

  /**
   * "org.apache.flink...ProgramInvocationException: Neither a 'Main-Class'..." becomes the message
   * alone: users need Flink's words, not its class names (nor does the API show any).
   */
  static String withoutClassName(String line) {
    String stripped = line.replaceFirst("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|$)", "");
    return stripped.isBlank() ? line : stripped;
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}

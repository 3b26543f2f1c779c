package org.mecconpaas.catalog.roles.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The few calls of a jobmanager's REST API the tests need. Flink answers compact JSON, and the
 * values read here are plain strings and numbers, so patterns do instead of a JSON library.
 */
final class FlinkRest {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  FlinkRest(String ip, int port) {
    this.base = URI.create("http://" + ip + ":" + port + "/");
  }

  /** The body of a 200 answer; empty for any other answer or none. */
  Optional<String> get(String path) {
    try {
      HttpResponse<String> response = http.send(request(path).GET().build(), ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Resource ids of the registered taskmanagers (the scripts use the instance ids). */
  List<String> taskmanagerIds() {
    return get("taskmanagers")
        .map(body -> ID.matcher(body).results().map(m -> m.group(1)).collect(Collectors.toList()))
        .orElse(List.of());
  }

  /** A number of {@code /overview}, e.g. {@code slots-total}. */
  Optional<Long> overview(String field) {
    return get("overview")
        .flatMap(body -> find(body, "\"" + field + "\":(\\d+)"))
        .map(Long::valueOf);
  }

  /** Uploads a job jar; its id for {@link #run}. */
  String upload(Path jar) throws IOException, InterruptedException {
    String boundary = UUID.randomUUID().toString();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest upload =
        request("jars/upload")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    String filename = expect(http.send(upload, ofString()), "\"filename\":\"([^\"]+)\"");
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** Runs an uploaded jar (its main() runs in the jobmanager); the job's id. */
  String run(String jarId, List<String> args, int parallelism)
      throws IOException, InterruptedException {
    String json =
        args.stream()
            .map(a -> "\"" + a + "\"")
            .collect(
                Collectors.joining(
                    ",", "{\"programArgsList\":[", "],\"parallelism\":" + parallelism + "}"));
    HttpRequest run =
        request("jars/" + jarId + "/run")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return expect(http.send(run, ofString()), "\"jobid\":\"([0-9a-f]+)\"");
  }

  /** A value of the JobManager's effective configuration, as Flink read it. */
  Optional<String> jobManagerConfig(String key) {
    return get("jobmanager/config")
        .flatMap(
            body -> find(body, "\"key\":\"" + Pattern.quote(key) + "\",\"value\":\"([^\"]*)\""));
  }

  Optional<String> jobState(String jobId) {
    return get("jobs/" + jobId).flatMap(body -> find(body, "\"state\":\"([A-Z]+)\""));
  }

  /** A user accumulator's value as the REST API shows it. */
  Optional<String> accumulator(String jobId, String name) {
    return get("jobs/" + jobId + "/accumulators")
        .flatMap(body -> find(body, "\"name\":\"" + name + "\",[^}]*\"value\":\"([^\"]*)\""));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String expect(HttpResponse<String> response, String pattern) throws IOException {
    return find(response.body(), pattern)
        .orElseThrow(
            () ->
                new IOException(
                    response.request().uri()
                        + ": "
                        + response.statusCode()
                        + " "
                        + response.body()));
  }

  private static Optional<String> find(String text, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}

package org.mecconpaas.agent.master;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.json.JsonMap;

/** Talks to the master; the base URL is e.g. {@code http://10.77.0.1:8080}. */
public final class MasterClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

  /** The master answers a wake poll within 20 s; this leaves room for a slow answer. */
  private static final Duration WAKE_TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final HttpClient http;

  public MasterClient(URI master) {
    String url = master.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @throws Unauthorized when the join token is wrong, reused or expired
   * @throws MasterRejected on 409 (name taken), 422 (bad fields) and other errors
   * @throws IOException when the master cannot be reached
   */
  public Enrollment enroll(EnrollRequest request) throws IOException {
    HttpResponse<byte[]> response = post("/agent/v1/enroll", null, request.toJson());
    expect(response, 201, 200);
    return Enrollment.fromJson(parse(response));
  }

  /**
   * @throws Unauthorized when the credential is unknown or revoked
   */
  public HeartbeatReply heartbeat(String credential, Map<String, Object> report)
      throws IOException {
    HttpResponse<byte[]> response = post("/agent/v1/heartbeat", credential, report);
    expect(response, 200);
    return HeartbeatReply.fromJson(parse(response));
  }

  /**
   * The long poll of {@code GET /agent/v1/wake}: completes with the node's wake version once it
   * differs from {@code since} (or with {@code since} when the master gave up waiting); fails with
   * {@link MasterRejected} (404 from a master without it) or an {@link IOException}.
   */
  public CompletableFuture<Long> pollWake(String credential, long since) {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/agent/v1/wake?since=" + since))
            .timeout(WAKE_TIMEOUT)
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + credential)
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              try {
                expect(response, 200);
                return parse(response).longValue("version");
              } catch (IOException e) {
                throw new CompletionException(e);
              }
            });
  }

  /** Streams {@code GET {master}{path}} into {@code target}. */
  public void download(String credential, String path, Path target) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .timeout(DOWNLOAD_TIMEOUT)
            .header("Authorization", "Bearer " + credential)
            .GET()
            .build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw rejection(response.statusCode(), body.readNBytes(16 * 1024), "GET " + path);
      }
      Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private HttpResponse<byte[]> post(String path, String credential, Map<String, Object> body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private URI uri(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    return URI.create(base + path);
  }

  private static void expect(HttpResponse<byte[]> response, int... accepted) throws IOException {
    for (int status : accepted) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw rejection(
        response.statusCode(),
        response.body(),
        response.request().method() + " " + response.uri().getPath());
  }

  private static JsonMap parse(HttpResponse<byte[]> response) throws IOException {
    try {
      return Json.parseObject(response.body());
    } catch (IOException e) {
      throw new IOException("master sent an unreadable answer: " + e.getMessage(), e);
    }
  }

  /** Turns an error answer into an exception whose message is the problem's detail. */
  private static MasterRejected rejection(int status, byte[] body, String call) {
    String detail = "HTTP " + status;
    try {
      JsonMap problem = Json.parseObject(body);
      detail = problem.string("detail", problem.string("title", detail));
    } catch (IOException | IllegalArgumentException e) {
      // not problem+json (a proxy's HTML page, say): the status is all we know
    }
    String message = call + " answered " + status + ": " + detail;
    return status == 401 ? new Unauthorized(message) : new MasterRejected(status, message);
  }
}

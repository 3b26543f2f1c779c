package org.mecconpaas.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.it.ApiClient;

/**
 * Enrolls edge nodes the way boards do (docs/agent-protocol.md): a join token from the API, {@code
 * POST /agent/v1/enroll}, then heartbeats with node figures. No agent runs: the nodes exist in the
 * master's database with positions on a grid over a campus, and go DOWN once heartbeats stop.
 */
final class EdgeSeeder {
  private final ApiClient admin;
  private final String agentBase;
  private final HttpClient http = ApiClient.newHttpClient();
  private final List<String> credentials = new ArrayList<>();

  EdgeSeeder(ApiClient admin, URI masterUrl) {
    this.admin = admin;
    this.agentBase = masterUrl.toString().replaceAll("/+$", "") + "/agent/v1";
  }

  /** Enrolls {@code count} nodes {@code pi-001...} laid out on a square grid. */
  void enroll(int count) throws IOException, InterruptedException {
    int side = (int) Math.ceil(Math.sqrt(count));
    for (int i = 0; i < count; i++) {
      String token =
          admin
              .post("/nodes/enrollment-tokens", Json.createObjectBuilder().build())
              .expect(201)
              .object()
              .getString("token");
      JsonObject enroll =
          Json.createObjectBuilder()
              .add("joinToken", token)
              .add("name", String.format(Locale.ROOT, "pi-%03d", i + 1))
              .add("latitude", 52.155 + 0.0012 * (i / side))
              .add("longitude", 4.480 + 0.0018 * (i % side))
              .add("cpuMillis", 4000)
              .add("memoryMiB", 1024)
              .add("address", "127.0.0.1")
              .add("runtime", "process")
              .build();
      JsonObject enrolled = json(post("/enroll", enroll.toString(), null, 201));
      credentials.add(enrolled.getString("credential"));
    }
  }

  /** One heartbeat from every node, with no instances and some load. */
  void heartbeatAll() throws IOException, InterruptedException {
    for (int i = 0; i < credentials.size(); i++) {
      JsonObject report =
          Json.createObjectBuilder()
              .add(
                  "metrics",
                  Json.createObjectBuilder()
                      .add("cpuLoad", (i % 10) / 10.0)
                      .add("memoryUsedMiB", 200 + 5 * i % 700)
                      .add("memoryTotalMiB", 1024)
                      .add("diskFreeMiB", 5120)
                      .add("netRxBytes", 0)
                      .add("netTxBytes", 0))
              .add("instances", Json.createArrayBuilder())
              .build();
      post("/heartbeat", report.toString(), credentials.get(i), 200);
    }
  }

  private String post(String path, String body, String bearer, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(agentBase + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new IllegalStateException(
          "POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}

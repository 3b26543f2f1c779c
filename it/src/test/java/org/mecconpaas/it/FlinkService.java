package org.mecconpaas.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.mecconpaas.it.ApiClient.Answer;

/**
 * A {@code flink} service driven through the master's REST API as a developer would (docs/api.md,
 * "Flink jobs"), plus a look at its JobManager's own REST API at the service's {@code endpoint}:
 * the Flink end-to-end test and the Flink benchmark share it.
 */
public final class FlinkService {
  /** The states a Flink job does not leave. */
  public static final Set<String> JOB_ENDS = Set.of("FINISHED", "FAILED", "CANCELED");

  private final ApiClient dev;
  private final String path;
  private final HttpClient http = ApiClient.newHttpClient();

  public FlinkService(ApiClient dev, String application, String name) {
    this.dev = dev;
    this.path = "/applications/" + application + "/services/" + name;
  }

  /** Creates the service with the catalog's start set of roles (1 JobManager, 2 TaskManagers). */
  public JsonObject create() throws IOException, InterruptedException {
    String collection = path.substring(0, path.lastIndexOf('/'));
    String name = path.substring(path.lastIndexOf('/') + 1);
    return dev.post(
            collection, Json.createObjectBuilder().add("name", name).add("type", "flink").build())
        .expect(201)
        .object();
  }

  public void start() throws IOException, InterruptedException {
    dev.post(path + "/start", null).expect(202);
  }

  public Answer scale(int taskManagers) throws IOException, InterruptedException {
    return dev.post(
        path + "/scale",
        Json.createObjectBuilder()
            .add("roles", Json.createObjectBuilder().add("taskmanager", taskManagers))
            .build());
  }

  public JsonObject read() throws IOException, InterruptedException {
    return dev.get(path).expect(200).object();
  }

  public List<JsonObject> instances() throws IOException, InterruptedException {
    return dev.get(path + "/instances").expect(200).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** The JobManager's REST API as the service announces it; null before it runs. */
  public URI endpoint() throws IOException, InterruptedException {
    JsonValue endpoint = read().get("endpoint");
    return endpoint instanceof jakarta.json.JsonString s ? URI.create(s.getString()) : null;
  }

  /** The JobManager's {@code /overview}: task managers, slots, jobs. */
  public JsonObject overview() throws IOException, InterruptedException {
    return fromJobManager("/overview");
  }

  /** A GET of the JobManager's own REST API, e.g. {@code /taskmanagers}. */
  public JsonObject fromJobManager(String restPath) throws IOException, InterruptedException {
    URI endpoint = endpoint();
    if (endpoint == null) {
      throw new IllegalStateException("the service has no endpoint yet: " + read());
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(endpoint.resolve(restPath))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(endpoint + restPath + " answered " + answer.statusCode());
    }
    try (var reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  /**
   * Blocks until the service is RUNNING with its JobManager and {@code taskManagers} TaskManagers,
   * every instance RUNNING and the JobManager's {@code /overview} counting them; fails at once when
   * the service goes to ERROR, and with the service, its instances and the overview on timeout.
   */
  public void awaitRunning(int taskManagers, Duration limit) throws Exception {
    try {
      await("flink service RUNNING with " + taskManagers + " TaskManager(s) registered")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(500))
          .failFast("service in ERROR", () -> read().getString("state").equals("ERROR"))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> isRunning(taskManagers));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + describe(), e);
    }
  }

  private boolean isRunning(int taskManagers) throws IOException, InterruptedException {
    if (!read().getString("state").equals("RUNNING")) {
      return false;
    }
    List<JsonObject> instances = instances();
    return instances.size() == taskManagers + 1
        && instances.stream().allMatch(i -> i.getString("state").equals("RUNNING"))
        && overview().getInt("taskmanagers") == taskManagers;
  }

  /**
   * The service, its instances with the end of their stderr and, if it answers, the JobManager's
   * overview: for failure messages.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    try {
      text.append("service: ").append(dev.get(path).body());
      text.append("\ninstances: ").append(dev.get(path + "/instances").body());
      for (JsonObject instance : instances()) {
        String logs = path + "/instances/" + instance.getString("name") + "/logs/stderr?tail=3";
        text.append("\nstderr of ").append(instance.getString("name")).append(":\n");
        text.append(dev.text(logs).body());
      }
      text.append("\noverview: ").append(overview());
    } catch (Exception e) {
      text.append("\n(").append(e).append(')');
    }
    return text.toString();
  }

  /** Uploads a job jar as the next code version; returns its number. */
  public int upload(String fileName, byte[] jar) throws IOException, InterruptedException {
    return dev.upload(path + "/code", fileName, jar).expect(201).object().getInt("version");
  }

  /** {@code POST .../jobs}: the answer as it is (201 with the job, or a problem). */
  public Answer submit(int codeVersion, List<String> args, Integer parallelism)
      throws IOException, InterruptedException {
    JsonArrayBuilder arguments = Json.createArrayBuilder();
    args.forEach(arguments::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("codeVersion", codeVersion).add("args", arguments);
    if (parallelism != null) {
      body.add("parallelism", parallelism);
    }
    return dev.post(path + "/jobs", body.build());
  }

  /** {@code GET .../jobs/{id}}: {@code {"job": {...}, "vertices": [...]}}. */
  public JsonObject job(String id) throws IOException, InterruptedException {
    return dev.get(path + "/jobs/" + id).expect(200).object();
  }

  public List<JsonObject> jobs() throws IOException, InterruptedException {
    return dev.get(path + "/jobs").expect(200).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /**
   * Polls the job every {@code poll} until it is FINISHED, FAILED or CANCELED; returns its last
   * detail. Fails after {@code limit} with the job and the service.
   */
  public JsonObject awaitJobEnd(String id, Duration poll, Duration limit) throws Exception {
    try {
      return await("job " + id + " FINISHED, FAILED or CANCELED")
          .atMost(limit)
          .pollDelay(Duration.ZERO)
          .pollInterval(poll)
          .until(() -> job(id), detail -> JOB_ENDS.contains(state(detail)));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\njob: " + job(id) + "\n" + describe(), e);
    }
  }

  public static String state(JsonObject detail) {
    return detail.getJsonObject("job").getString("state");
  }

  /** The parallelism of the first vertex whose name starts with {@code prefix}, or 0. */
  public static int parallelismOf(JsonObject detail, String prefix) {
    return detail.getJsonArray("vertices").stream()
        .map(JsonValue::asJsonObject)
        .filter(v -> v.getString("name").startsWith(prefix))
        .mapToInt(v -> v.getInt("parallelism"))
        .findFirst()
        .orElse(0);
  }
}

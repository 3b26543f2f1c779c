package org.mecconpaas.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mecconpaas.it.ApiClient;

/**
 * A {@code php} service driven through the REST API as the web hosting end-to-end test drives it,
 * plus where its instances' daemons are on this machine (the emulated nodes' agents keep each
 * instance's state under {@code <edge>/<node>/.../containers/<instance>/bundle}).
 */
final class PhpSite {
  private static final Duration SETTLE = Duration.ofSeconds(180);

  private final ApiClient dev;
  private final String application;
  private final String path;
  private final Path edgeDir;

  PhpSite(ApiClient dev, String application, String name, Path edgeDir) {
    this.dev = dev;
    this.application = application;
    this.path = "/applications/" + application + "/services/" + name;
    this.edgeDir = edgeDir;
  }

  /** Creates the service with these role counts, uploads the bundle and starts it. */
  void deploy(Map<String, Integer> roles, byte[] bundle) throws IOException, InterruptedException {
    var counts = Json.createObjectBuilder();
    roles.forEach(counts::add);
    dev.post(
            path.substring(0, path.lastIndexOf('/')),
            Json.createObjectBuilder()
                .add("name", path.substring(path.lastIndexOf('/') + 1))
                .add("type", "php")
                .add("roles", counts)
                .build())
        .expect(201);
    dev.upload(path + "/code", "site.zip", bundle).expect(201);
    dev.post(path + "/start", null).expect(202);
  }

  /** Waits until the service is RUNNING with an endpoint, every instance RUNNING; the endpoint. */
  URI awaitRunning() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      JsonObject service = read();
      String state = service.getString("state");
      if (state.equals("ERROR")) {
        throw new IllegalStateException("service in ERROR: " + service + "; " + instances());
      }
      if (state.equals("RUNNING")
          && !service.isNull("endpoint")
          && instances().stream().allMatch(i -> i.getString("state").equals("RUNNING"))) {
        return URI.create(service.getString("endpoint"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not RUNNING within " + SETTLE.toSeconds() + " s: " + service + "; " + instances());
      }
      Thread.sleep(500);
    }
  }

  JsonObject read() throws IOException, InterruptedException {
    return dev.get(path).expect(200).object();
  }

  List<JsonObject> instances() throws IOException, InterruptedException {
    return dev.get(path + "/instances").expect(200).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** The instances of one role that are not being removed. */
  List<JsonObject> instances(String role) throws IOException, InterruptedException {
    return instances().stream()
        .filter(i -> i.getString("role").equals(role) && !i.getBoolean("removing", false))
        .toList();
  }

  /** The count the service's spec asks for. */
  int wanted(String role) throws IOException, InterruptedException {
    return read().getJsonObject("roles").getInt(role);
  }

  void autoscale(String policyJson) throws IOException, InterruptedException {
    dev.send("PUT", path + "/autoscaling", policyJson).expect(200);
  }

  /** The time of the newest event with this action at or after {@code since}, with its detail. */
  Optional<Map.Entry<Instant, String>> event(String action, Instant since)
      throws IOException, InterruptedException {
    return dev
        .get("/events?application=" + application + "&size=200")
        .expect(200)
        .object()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("action").equals(action))
        .map(e -> Map.entry(Instant.parse(e.getString("at")), e.getString("detail", "")))
        .filter(e -> !e.getKey().isBefore(since))
        .findFirst();
  }

  /** The state directory of an instance on its emulated node (rendered configs in conf/). */
  Path stateDir(String instance) {
    try (Stream<Path> walk = Files.walk(edgeDir, 8)) {
      return walk.filter(
              p -> p.endsWith(Path.of("containers", instance, "bundle")) && Files.isDirectory(p))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no state of " + instance + " in " + edgeDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The oldest live process of an instance whose command line (as {@code ps} shows it: php-fpm and
   * nginx rewrite theirs into a title) holds {@code marker}: the master of its daemon.
   */
  ProcessHandle daemon(String instance, String marker) {
    String dir = stateDir(instance).toString();
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = commandLine(p.pid());
              return line.contains(marker) && line.contains(dir);
            })
        .min((a, b) -> Long.compare(a.pid(), b.pid()))
        .orElseThrow(() -> new IllegalStateException("no '" + marker + "' process of " + instance));
  }

  /** {@code /proc/<pid>/cmdline} with spaces between the arguments; empty once it is gone. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException e) {
      return "";
    }
  }
}

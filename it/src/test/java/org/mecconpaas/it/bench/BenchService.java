package org.mecconpaas.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mecconpaas.it.ApiClient;

/**
 * A generic service driven through the REST API as a developer would, with the waits the figures
 * are made of: every wait polls every {@value #POLL_MILLIS} ms and ends at the first answer that
 * shows the wanted state, so a figure is at most one poll late.
 */
final class BenchService {
  static final long POLL_MILLIS = 100;

  private final ApiClient dev;
  private final String path;
  private final String name;

  BenchService(ApiClient dev, String application, String name) {
    this.dev = dev;
    this.name = name;
    this.path = "/applications/" + application + "/services/" + name;
  }

  String name() {
    return name;
  }

  /** Creates the service with {@code nodes} node instances next to its master, uploads a bundle. */
  BenchService create(int nodes, byte[] bundle) throws IOException, InterruptedException {
    String collection = path.substring(0, path.lastIndexOf('/'));
    dev.post(
            collection,
            Json.createObjectBuilder()
                .add("name", name)
                .add("type", "generic")
                .add("roles", Json.createObjectBuilder().add("node", nodes))
                .build())
        .expect(201);
    dev.upload(path + "/code", name + ".zip", bundle).expect(201);
    return this;
  }

  void start() throws IOException, InterruptedException {
    dev.post(path + "/start", null).expect(202);
  }

  void stop() throws IOException, InterruptedException {
    dev.post(path + "/stop", null).expect(202);
  }

  void delete() throws IOException, InterruptedException {
    dev.send("DELETE", path, null).expect(204);
  }

  void scaleNodes(int nodes) throws IOException, InterruptedException {
    dev.post(
            path + "/scale",
            Json.createObjectBuilder()
                .add("roles", Json.createObjectBuilder().add("node", nodes))
                .build())
        .expect(202);
  }

  void runScripts() throws IOException, InterruptedException {
    dev.post(path + "/scripts/run", null).expect(202);
  }

  JsonObject read() throws IOException, InterruptedException {
    return dev.get(path).expect(200).object();
  }

  List<JsonObject> instances() throws IOException, InterruptedException {
    return dev.get(path + "/instances").expect(200).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** Polls until the service is in {@code state}; fails on ERROR (unless that is wanted). */
  long awaitState(String state, long fromNanos, Duration limit) throws Exception {
    return await(
        "state " + state,
        fromNanos,
        limit,
        () -> {
          String now = read().getString("state");
          if (now.equals("ERROR") && !state.equals("ERROR")) {
            throw new IllegalStateException("service " + name + " in ERROR: " + read());
          }
          return now.equals(state);
        });
  }

  /** Polls until the service is RUNNING with exactly {@code count} instances, all RUNNING. */
  long awaitRunning(int count, long fromNanos, Duration limit) throws Exception {
    return await(
        "RUNNING with " + count + " instance(s)",
        fromNanos,
        limit,
        () -> {
          JsonObject service = read();
          if (service.getString("state").equals("ERROR")) {
            throw new IllegalStateException("service " + name + " in ERROR: " + service);
          }
          if (!service.getString("state").equals("RUNNING")) {
            return false;
          }
          List<JsonObject> instances = instances();
          return instances.size() == count
              && instances.stream().allMatch(i -> i.getString("state").equals("RUNNING"));
        });
  }

  /**
   * Nanoseconds from {@code fromNanos} to the answer that satisfied {@code done}, taken when that
   * answer had arrived.
   */
  long await(String what, long fromNanos, Duration limit, Callable<Boolean> done) throws Exception {
    long deadline = fromNanos + limit.toNanos();
    while (true) {
      if (done.call()) {
        return System.nanoTime() - fromNanos;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "service "
                + name
                + " not "
                + what
                + " within "
                + limit.toSeconds()
                + " s: "
                + read()
                + "; instances: "
                + instances());
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}

package org.mecconpaas.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mecconpaas.it.ApiClient;

/**
 * Fills an empty master through its public API, the way real users would have: a few developers,
 * each with their share of the applications, two services in each. Concurrent clients only make
 * seeding quicker; seeding is not what is measured.
 */
final class Seeder {

  /** Spread over a few owners so that per-owner queries see a realistic share, not everything. */
  static final int DEVELOPERS = 4;

  static final int CLIENTS = 8;
  private static final Duration LIMIT = Duration.ofMinutes(10);

  private final URI api;
  private final int applications;
  private final int servicesPerApplication;

  Seeder(URI api, int applications, int servicesPerApplication) {
    this.api = api;
    this.applications = applications;
    this.servicesPerApplication = servicesPerApplication;
  }

  /** The developers' tokens (still valid after a restart) and the applications of each. */
  record Seeded(List<String> tokens, List<List<String>> applications, Duration took) {}

  Seeded seed(String adminPassword) throws Exception {
    ApiClient anonymous = ApiClient.anonymous(api);
    ApiClient admin = anonymous.login("admin", adminPassword);
    List<String> tokens = new ArrayList<>();
    List<List<String>> owned = new ArrayList<>();
    for (int d = 0; d < DEVELOPERS; d++) {
      String name = "dev-" + d;
      String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
      admin
          .post(
              "/users",
              Json.createObjectBuilder()
                  .add("username", name)
                  .add("role", "DEVELOPER")
                  .add("password", password)
                  .build())
          .expect(201);
      tokens.add(anonymous.login(name, password).token());
      owned.add(new ArrayList<>());
    }
    for (int i = 0; i < applications; i++) {
      owned.get(i % DEVELOPERS).add(applicationName(i));
    }
    long start = System.nanoTime();
    runClients(tokens);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    check(tokens);
    return new Seeded(tokens, owned, took);
  }

  static String applicationName(int index) {
    return String.format("app-%04d", index);
  }

  /** Client {@code c} creates applications c, c + CLIENTS, ...: an even share each. */
  private void runClients(List<String> tokens) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Void>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int first = c;
        clients.add(pool.submit(() -> seedShare(first, tokens)));
      }
      long deadline = System.nanoTime() + LIMIT.toNanos();
      for (Future<Void> client : clients) {
        client.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("seeding took longer than " + LIMIT, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private Void seedShare(int first, List<String> tokens) throws IOException, InterruptedException {
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), api, null);
    for (int i = first; i < applications; i += CLIENTS) {
      ApiClient owner = client.withToken(tokens.get(i % DEVELOPERS));
      String app = applicationName(i);
      owner.post("/applications", Json.createObjectBuilder().add("name", app).build()).expect(201);
      for (int s = 1; s <= servicesPerApplication; s++) {
        owner
            .post(
                "/applications/" + app + "/services",
                Json.createObjectBuilder().add("name", "svc-" + s).add("type", "generic").build())
            .expect(201);
      }
    }
    return null;
  }

  /** Counts what the master reports back, so a silent loss would not go unnoticed. */
  private void check(List<String> tokens) throws IOException, InterruptedException {
    int apps = 0;
    int services = 0;
    ApiClient client = ApiClient.anonymous(api);
    for (String token : tokens) {
      for (JsonValue app : client.withToken(token).get("/applications").expect(200).array()) {
        apps++;
        services += app.asJsonObject().getInt("services");
      }
    }
    if (apps != applications || services != applications * servicesPerApplication) {
      throw new IllegalStateException(
          "the master reports " + apps + " applications and " + services + " services");
    }
  }
}

package org.mecconpaas.it.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.EmulatedEdgeProcess;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The web hosting services on the real master with its default emulated edge (four boards, process
 * runtime): a PHP application and a WAR served through their proxies, code versions switched under
 * continuous load without one failed request, a PHP syntax error refused and rolled back while the
 * old version keeps serving, and the PHP backends autoscaled out under load and back in after it.
 * The steps build on each other, hence the fixed order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class WebHostingIT {
  private static final String SITE = "/applications/web/services/site";
  private static final String SHOP = "/applications/web/services/shop";
  private static final Duration SETTLE = Duration.ofSeconds(120);
  // CPU-bound: a backend gets a quarter of a Raspberry Pi core, so a few clients keep it busy
  private static final String WORK_PHP =
      "<?php $x = 0; for ($i = 0; $i < 200000; $i++) { $x += crc32((string) $i); }"
          + " echo 'worked ', getenv('MEC_INSTANCE'), \"\\n\";";

  private MasterSetup setup;
  private RunningMaster master;
  private ApiClient dev;

  @BeforeAll
  void startMasterWithEdge() throws Exception {
    setup =
        MasterSetup.fresh(
            MasterSetup.pathProperty("mec.launcher"), MasterSetup.pathProperty("mec.it.work-dir"));
    master = RunningMaster.start(setup, "--nodes", "4");
    ApiClient admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
    admin
        .post(
            "/users",
            Json.createObjectBuilder()
                .add("username", "webdev")
                .add("role", "DEVELOPER")
                .add("password", "web password 123")
                .build())
        .expect(201);
    dev = ApiClient.anonymous(master.api()).login("webdev", "web password 123");
    await("four emulated nodes UP")
        .atMost(SETTLE)
        .until(
            () ->
                admin.get("/nodes").expect(200).array().stream()
                        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
                        .count()
                    == 4);
    dev.post("/applications", Json.createObjectBuilder().add("name", "web").build()).expect(201);
  }

  @AfterAll
  void stop() throws Exception {
    EmulatedEdgeProcess.stopMasterAndEdge(master, setup);
  }

  @Test
  @Order(1)
  void aPhpApplicationIsServedThroughItsProxyWithSessions() throws Exception {
    create("site", "php", Map.of("proxy", 1, "web", 1, "backend", 2));
    dev.upload(SITE + "/code", "site.zip", ExampleBundles.phpApp("1", Map.of("work.php", WORK_PHP)))
        .expect(201);
    dev.post(SITE + "/start", null).expect(202);
    URI endpoint = awaitRunning(SITE);
    // the proxy takes a backend in after two passed checks, a second or two after it runs
    awaitServed(endpoint.resolve("/whoami.php"));

    assertTrue(get(endpoint.resolve("/")).contains("version 1"));
    assertEquals("1", get(endpoint.resolve("/version.txt")).strip(), "static file through web");
    // a PHP session stays with its client's backend
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String first = get(browser, endpoint.resolve("/session.php"));
    String second = get(browser, endpoint.resolve("/session.php"));
    assertTrue(first.startsWith("visits 1 "), first);
    assertEquals("visits 2 " + first.substring("visits 1 ".length()), second);
    // new clients are spread over both backends
    await("both backends answer")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> backendsServing(endpoint) == 2);
  }

  @Test
  @Order(2)
  void aNewPhpVersionIsSwitchedInUnderLoadWithoutOneFailedRequest() throws Exception {
    URI endpoint = endpoint(SITE);
    try (HttpLoad load = HttpLoad.start(endpoint.resolve("/version.php"), 4, 0)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> load.ok() > 50);
      dev.upload(
              SITE + "/code", "site.zip", ExampleBundles.phpApp("2", Map.of("work.php", WORK_PHP)))
          .expect(201);
      dev.post(SITE + "/code/2/enable", null).expect(200);
      await("version 2 served").atMost(SETTLE).until(() -> load.lastBody().startsWith("version 2"));
      long switched = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() - switched > 3e9);
      load.close();
      System.out.printf(
          "php switch under load: %d requests, %d failed, p99 %.0f ms%n",
          load.ok(), load.failures().size(), load.percentileMillis(99));
      assertEquals(List.of(), load.failures());
      assertTrue(load.lastBody().startsWith("version 2"), load.lastBody());
    }
    assertEquals("2", get(endpoint.resolve("/version.txt")).strip());
    awaitRunning(SITE);
  }

  @Test
  @Order(3)
  void aVersionWithASyntaxErrorIsRefusedAndTheOldOneKeepsServing() throws Exception {
    URI endpoint = endpoint(SITE);
    try (HttpLoad load = HttpLoad.start(endpoint.resolve("/version.php"), 2, 20)) {
      dev.upload(
              SITE + "/code",
              "broken.zip",
              ExampleBundles.phpApp("3", Map.of("broken.php", "<?php\necho 'unclosed;\n")))
          .expect(201);
      dev.post(SITE + "/code/3/enable", null).expect(200);
      JsonObject refused =
          await("version 3 refused")
              .atMost(SETTLE)
              .ignoreExceptions()
              .until(
                  () ->
                      dev.get(SITE + "/code").expect(200).array().stream()
                          .map(JsonValue::asJsonObject)
                          .filter(v -> v.getInt("version") == 3)
                          .findFirst()
                          .orElseThrow(),
                  v -> !v.isNull("refusedReason"));
      assertTrue(refused.getString("refusedReason").contains("init.sh exited"), refused.toString());
      assertEquals(2, dev.get(SITE).expect(200).object().getInt("activeCodeVersion"));
      awaitRunning(SITE);
      load.close();
      assertEquals(List.of(), load.failures(), "the old version kept serving");
      assertTrue(load.lastBody().startsWith("version 2"), load.lastBody());
      // the instance that refused it says why in its log (web and backend both check PHP)
      String refuser = refused.getString("refusedReason").split(":")[0];
      String stderr =
          dev.text(SITE + "/instances/" + refuser + "/logs/stderr?tail=1000").expect(200).body();
      assertTrue(stderr.contains("broken.php"), "the log names the file: " + stderr);
    }
  }

  @Test
  @Order(4)
  void theBackendsScaleOutUnderLoadAndBackInAfterIt() throws Exception {
    URI endpoint = endpoint(SITE);
    dev.post(
            SITE + "/scale",
            Json.createObjectBuilder()
                .add("roles", Json.createObjectBuilder().add("backend", 1))
                .build())
        .expect(202);
    awaitRunning(SITE);
    dev.send(
            "PUT",
            SITE + "/autoscaling",
            "{\"p95Millis\": 100, \"cpuLowPercent\": 15, \"cpuHighPercent\": 60,"
                + " \"minInstances\": 1, \"maxInstances\": 2, \"cooldownSeconds\": 10}")
        .expect(200);
    long loadStarted = System.nanoTime();
    try (HttpLoad load = HttpLoad.start(endpoint.resolve("/work.php"), 4, 0)) {
      await("a second backend serving under load")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> backendsServing(endpoint) == 2);
      System.out.printf(
          "autoscaling: load step to a second backend serving in %.1f s (%d requests, p95 %.0f ms)%n",
          (System.nanoTime() - loadStarted) / 1e9, load.ok(), load.percentileMillis(95));
    }
    String out = event("autoscale.out");
    assertTrue(out.contains("backend 1 -> 2") && out.contains("CPU"), out);

    long loadStopped = System.nanoTime();
    await("back to one backend once the load stopped")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> dev.get(SITE).expect(200).object().getJsonObject("roles").getInt("backend") == 1);
    System.out.printf(
        "autoscaling: back in %.1f s after the load stopped%n",
        (System.nanoTime() - loadStopped) / 1e9);
    assertTrue(event("autoscale.in").contains("backend 2 -> 1"));
    awaitRunning(SITE);
    assertTrue(get(endpoint.resolve("/version.php")).startsWith("version 2"));
  }

  @Test
  @Order(5)
  void aWarIsServedAndANewVersionSwitchedInUnderLoad() throws Exception {
    create("shop", "java", Map.of("proxy", 1, "web", 1));
    dev.upload(SHOP + "/code", "shop.war", ExampleBundles.javaWar("1")).expect(201);
    dev.post(SHOP + "/start", null).expect(202);
    URI endpoint = awaitRunning(SHOP);
    awaitServed(endpoint.resolve("/"));
    assertTrue(get(endpoint.resolve("/")).contains("version 1"));

    try (HttpLoad load = HttpLoad.start(endpoint.resolve("/"), 3, 0)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> load.ok() > 30);
      dev.upload(SHOP + "/code", "shop.war", ExampleBundles.javaWar("2")).expect(201);
      dev.post(SHOP + "/code/2/enable", null).expect(200);
      await("version 2 of the WAR served")
          .atMost(SETTLE)
          .until(() -> load.lastBody().contains("version 2"));
      load.close();
      System.out.printf(
          "java switch under load: %d requests, %d failed%n", load.ok(), load.failures().size());
      assertEquals(List.of(), load.failures());
    }
  }

  private void create(String name, String type, Map<String, Integer> roles) throws Exception {
    var counts = Json.createObjectBuilder();
    roles.forEach(counts::add);
    dev.post(
            "/applications/web/services",
            Json.createObjectBuilder()
                .add("name", name)
                .add("type", type)
                .add("roles", counts)
                .build())
        .expect(201);
  }

  /** Waits for RUNNING and returns the service's endpoint. */
  private URI awaitRunning(String service) throws Exception {
    try {
      JsonObject running =
          await(service + " RUNNING")
              .atMost(SETTLE)
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> dev.get(service).expect(200).object(),
                  s -> s.getString("state").equals("RUNNING") && !s.isNull("endpoint"));
      return URI.create(running.getString("endpoint"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          e.getMessage()
              + "\nservice: "
              + dev.get(service).body()
              + "\ninstances: "
              + dev.get(service + "/instances").body(),
          e);
    }
  }

  private static void awaitServed(URI uri) {
    await(uri + " answers 200")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get(uri) != null);
  }

  private URI endpoint(String service) throws Exception {
    String endpoint = dev.get(service).expect(200).object().getString("endpoint", null);
    assertNotNull(endpoint, service + " has an endpoint");
    return URI.create(endpoint);
  }

  /** How many distinct backends answer fresh clients. */
  private long backendsServing(URI endpoint) throws Exception {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      seen.add(get(endpoint.resolve("/whoami.php")).strip());
    }
    return seen.size();
  }

  /** The detail of the newest event with this action. */
  private String event(String action) throws Exception {
    return dev
        .get("/events?application=web&size=200")
        .expect(200)
        .object()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("action").equals(action))
        .findFirst()
        .map(e -> e.getString("detail", ""))
        .orElse("no " + action + " event");
  }

  private static String get(URI uri) throws Exception {
    return get(HttpClient.newHttpClient(), uri);
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri + ": " + response.body());
    return response.body();
  }
}

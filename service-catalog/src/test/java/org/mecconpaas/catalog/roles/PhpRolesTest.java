package org.mecconpaas.catalog.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.catalog.roles.RoleHarness.Instance;
import org.mecconpaas.catalog.roles.RoleHarness.Load;

/**
 * The php service's roles with the real middleware: HAProxy in front of nginx (web) and
 * nginx+php-fpm (backend), serving examples/php-app.
 */
class PhpRolesTest {
  private static final Duration START = Duration.ofSeconds(30);
  private static final Path APP = RoleHarness.repositoryPath("examples/php-app");

  @TempDir Path root;
  private RoleHarness harness;
  private Path v1;

  @BeforeAll
  static void middlewareIsInstalled() {
    assumeTrue(
        RoleHarness.installed("nginx", "php-fpm8.2", "php", "haproxy", "setpriv"),
        "needs Debian's nginx, php-fpm and haproxy packages");
  }

  @BeforeEach
  void setUp() throws IOException {
    harness = new RoleHarness(root);
    v1 = harness.code(APP, "v1");
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void servesStaticFilesAndPhpThroughTheProxyWithStickySessions() throws Exception {
    Instance proxy = harness.add("php", "proxy", "s1-proxy-1").code(v1, 1);
    Instance web = harness.add("php", "web", "s1-web-1").code(v1, 1);
    List<Instance> backends = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      backends.add(
          harness
              .add("php", "backend", "s1-backend-" + i)
              .code(v1, 1)
              .env("MEC_MEMORY_MIB", "128")
              .env("MEC_SETTING_MEMORY_LIMIT", "96M")
              .env("MEC_SETTING_UPLOAD_MAX_FILESIZE", "20M")
              .env("MEC_SETTING_MAX_EXECUTION_TIME", "17")
              .env("MEC_SETTING_DISPLAY_ERRORS", "Off"));
    }
    harness.writeAgents();
    List<Instance> all = List.of(proxy, web, backends.get(0), backends.get(1));
    for (Instance instance : all) {
      assertFalse(instance.healthy(), instance.id() + " healthy before start");
    }
    for (Instance instance : all) {
      instance.start();
    }
    for (Instance instance : all) {
      instance.awaitHealthy(START);
    }
    awaitRouted(proxy, 2);

    assertEquals("version 1", get(proxy.uri("/version.txt")).body().strip());
    assertTrue(get(proxy.uri("/")).body().contains("PHP sample, version 1"));
    // the web role never hands out PHP sources; /.mec/ is the platform's
    assertEquals(404, get(web.uri("/version.php")).statusCode());
    assertEquals(404, get(proxy.uri("/.mec/ping")).statusCode());
    assertEquals(200, get(backends.get(0).uri("/.mec/ping")).statusCode());

    Set<String> answeredBy = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      answeredBy.add(get(proxy.uri("/whoami.php")).body().strip());
    }
    assertEquals(Set.of("s1-backend-1", "s1-backend-2"), answeredBy, "round robin");

    assertSessionsStick(proxy);
    assertSettingsApply(backends.get(1));
    assertStatisticsCount(proxy);
    for (Instance instance : all) {
      Duration took = instance.stop();
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, instance.id() + " took " + took);
      assertEquals(List.of(), instance.leftovers(), instance.id() + " left processes");
    }
  }

  /** A client with cookies stays with the backend holding its PHP session. */
  private static void assertSessionsStick(Instance proxy) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String first = get(browser, proxy.uri("/session.php")).body().strip();
    assertTrue(first.matches("visits 1 s\\d+-backend-\\d+"), first);
    String backend = first.substring("visits 1 ".length());
    for (int visit = 2; visit <= 4; visit++) {
      assertEquals(
          "visits " + visit + " " + backend,
          get(browser, proxy.uri("/session.php")).body().strip());
    }
  }

  /** The service's PHP settings (as the test gave them) are php-fpm's admin values. */
  private void assertSettingsApply(Instance backend) throws Exception {
    Files.writeString(
        v1.resolve("ini.php"),
        "<?php foreach (['memory_limit', 'upload_max_filesize', 'post_max_size',"
            + " 'max_execution_time', 'display_errors'] as $k) echo $k, '=', ini_get($k), \"\\n\";");
    String ini = get(backend.uri("/ini.php")).body();
    assertTrue(ini.contains("memory_limit=96M\n"), ini);
    assertTrue(ini.contains("upload_max_filesize=20M\n"), ini);
    assertTrue(ini.contains("post_max_size=22020096\n"), ini);
    assertTrue(ini.contains("max_execution_time=17\n"), ini);
    assertTrue(ini.contains("display_errors=Off\n"), ini);
  }

  /** The statistics the platform reads: requests and response times per backend and server. */
  private static void assertStatisticsCount(Instance proxy) throws Exception {
    String csv = get(URI.create("http://127.0.0.1:" + (proxy.port() + 1) + "/stats;csv")).body();
    List<String> header = List.of(csv.lines().findFirst().orElseThrow().substring(2).split(","));
    assertTrue(header.containsAll(List.of("stot", "rtime", "ttime", "rtime_max", "hrsp_5xx")));
    String backendRow =
        csv.lines().filter(l -> l.startsWith("backend,BACKEND,")).findFirst().orElseThrow();
    assertTrue(
        Long.parseLong(backendRow.split(",")[header.indexOf("stot")]) >= 10, "counted requests");
  }

  @Test
  void notifyAddsABackendUnderLoadWithoutAFailedRequest() throws Exception {
    Instance proxy = harness.add("php", "proxy", "s2-proxy-1").code(v1, 1);
    Instance web = harness.add("php", "web", "s2-web-1").code(v1, 1);
    Instance first = harness.add("php", "backend", "s2-backend-1").code(v1, 1);
    harness.writeAgents();
    for (Instance instance : List.of(proxy, web, first)) {
      instance.start();
    }
    for (Instance instance : List.of(proxy, web, first)) {
      instance.awaitHealthy(START);
    }
    awaitRouted(proxy, 1);

    try (Load load = new Load(3, List.of(proxy.uri("/whoami.php"), proxy.uri("/version.txt")))) {
      load.awaitMore(200, START);
      Instance second = harness.add("php", "backend", "s2-backend-2").code(v1, 1);
      second.start();
      second.awaitHealthy(START);
      harness.writeAgents();
      RoleHarness.Result notified = proxy.run("notify.sh");
      assertTrue(notified.ok(), notified.output());
      RoleHarness.await(
          START, "the new backend answers", () -> load.answered("s2-backend-2") >= 50);
      load.stop();

      assertEquals(List.of(), load.failures(), "failed requests of " + load.requests());
      assertTrue(load.answered("s2-backend-1") > 0 && load.answered("version 1") > 0);
      // the reloaded HAProxy's own figures (a new worker: a new ring, the CLI port taken over)
      Map<String, Double> figures = proxy.metrics();
      assertTrue(figures.get("requestsPerSecond") > 0, figures.toString());
      assertTrue(figures.containsKey("p95Millis"), figures.toString());
      assertEquals(0.0, figures.get("errorsPerSecond"), figures.toString());
      assertEquals(3.0, figures.get("backendsUp"), "web and 2 backends: " + figures);
      System.out.printf(
          "php notify under load: %d requests, %d failed, answers %s; metrics.sh %s%n",
          load.requests(), load.failures().size(), load.answers(), figures);
    }
  }

  @Test
  void switchesTheCodeVersionUnderLoadWithoutAFailedRequest() throws Exception {
    Path v2 = nextVersion("v2", "2");
    List<Instance> all = startStack("s3", 2);
    Instance proxy = all.get(0);

    try (Load load = new Load(3, List.of(proxy.uri("/version.php"), proxy.uri("/version.txt")))) {
      load.awaitMore(200, START);
      Map<String, String> next = Map.of("MEC_CODE_DIR", v2.toString(), "MEC_CODE_VERSION", "2");
      for (Instance instance : all) {
        if (instance.has("init.sh")) {
          RoleHarness.Result init = instance.run("init.sh", next);
          assertTrue(init.ok(), instance.id() + ": " + init.output());
        }
      }
      long before = load.requests();
      for (Instance instance : all) {
        RoleHarness.Result switched = instance.run("switch.sh", next);
        assertTrue(switched.ok(), instance.id() + ": " + switched.output());
      }
      long during = load.requests() - before;
      load.awaitMore(200, START);
      load.stop();

      assertEquals(List.of(), load.failures(), "failed requests of " + load.requests());
      for (String answer : load.answers().keySet()) {
        assertTrue(answer.startsWith("version 1") || answer.startsWith("version 2"), answer);
      }
      assertTrue(load.answered("version 2") > 0, "the new static file served under load");
      System.out.printf(
          "php switch under load: %d requests (%d while switch.sh ran), %d failed%n",
          load.requests(), during, load.failures().size());
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(get(proxy.uri("/version.php")).body().startsWith("version 2 s3-backend-"));
    }
    assertEquals("version 2", get(proxy.uri("/version.txt")).body().strip());
  }

  @Test
  void aVersionWithASyntaxErrorIsRefusedAndTheOldOneKeepsServing() throws Exception {
    Path broken = harness.code(APP, "v3");
    Files.writeString(broken.resolve("broken.php"), "<?php\n\necho 'no semicolon'\nfoo();\n");
    List<Instance> all = startStack("s4", 1);
    Map<String, String> next = Map.of("MEC_CODE_DIR", broken.toString(), "MEC_CODE_VERSION", "3");

    for (Instance instance : all.subList(1, all.size())) {
      RoleHarness.Result init = instance.run("init.sh", next);
      assertNotEquals(0, init.exitCode(), instance.id() + ": " + init.output());
      assertTrue(init.output().contains("broken.php on line 4"), init.output());
    }
    assertTrue(get(all.get(0).uri("/version.php")).body().startsWith("version 1 "));
    assertTrue(all.stream().allMatch(Instance::running));
  }

  @Test
  void unsafeSettingValuesStopTheBackendBeforeItStarts() throws Exception {
    Instance backend =
        harness
            .add("php", "backend", "s5-backend-1")
            .code(v1, 1)
            .env("MEC_SETTING_MEMORY_LIMIT", "64M\"\nphp_admin_value[open_basedir] = \"/");
    harness.writeAgents();
    backend.start();
    RoleHarness.await(START, "start.sh fails", () -> !backend.running());
    assertTrue(
        backend.log().contains("MEC_SETTING_MEMORY_LIMIT: unsupported value"), backend.log());
  }

  @Test
  void theProxyScriptsAndTheSharedLibraryAreTheSameInEveryRole() throws IOException {
    Path roles =
        RoleHarness.repositoryPath(
            "service-catalog/src/main/resources/org/mecconpaas/catalog/roles");
    String library = Files.readString(roles.resolve("php/web/lib.sh"));
    for (String role : List.of("php/backend", "php/proxy", "java/proxy", "java/web")) {
      assertEquals(library, Files.readString(roles.resolve(role + "/lib.sh")), role);
    }
    assertEquals(
        Files.readString(roles.resolve("php/web/php-lint.sh")),
        Files.readString(roles.resolve("php/backend/php-lint.sh")));
    for (String file :
        List.of(
            "start.sh",
            "notify.sh",
            "switch.sh",
            "health.sh",
            "metrics.sh",
            "haproxy-config.sh",
            "haproxy.cfg.tmpl")) {
      assertEquals(
          Files.readString(roles.resolve("php/proxy/" + file)),
          Files.readString(roles.resolve("java/proxy/" + file)),
          file);
    }
  }

  /** A proxy, a web and {@code backends} backend instances serving v1, all healthy. */
  private List<Instance> startStack(String service, int backends) throws IOException {
    List<Instance> all = new ArrayList<>();
    all.add(harness.add("php", "proxy", service + "-proxy-1").code(v1, 1));
    all.add(harness.add("php", "web", service + "-web-1").code(v1, 1));
    for (int i = 1; i <= backends; i++) {
      all.add(harness.add("php", "backend", service + "-backend-" + i).code(v1, 1));
    }
    harness.writeAgents();
    for (Instance instance : all) {
      instance.start();
    }
    for (Instance instance : all) {
      instance.awaitHealthy(START);
    }
    awaitRouted(all.get(0), backends);
    return all;
  }

  /** Waits until the proxy answers from the web instance and {@code backends} backends. */
  private static void awaitRouted(Instance proxy, int backends) {
    Set<String> answers = new HashSet<>();
    RoleHarness.await(
        START,
        () -> "the proxy routes to web and " + backends + " backends, so far " + answers,
        () -> {
          answers.add(RoleHarness.body(proxy.uri("/version.txt")));
          answers.add(RoleHarness.body(proxy.uri("/whoami.php")));
          return answers.contains("version 1")
              && answers.stream().filter(a -> a.matches("s\\d+-backend-\\d+")).count() == backends;
        });
  }

  /** The sample application with another APP_VERSION and version.txt. */
  private Path nextVersion(String name, String version) throws IOException {
    Path code = harness.code(APP, name);
    Path app = code.resolve("app.php");
    Files.writeString(
        app, Files.readString(app).replace("APP_VERSION = '1'", "APP_VERSION = '" + version + "'"));
    Files.writeString(code.resolve("version.txt"), "version " + version + "\n");
    return code;
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return get(HttpClient.newHttpClient(), uri);
  }

  private static HttpResponse<String> get(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

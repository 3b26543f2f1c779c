package org.mecconpaas.catalog.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.catalog.roles.RoleHarness.Instance;
import org.mecconpaas.catalog.roles.RoleHarness.Load;

/**
 * The java service's roles with the real middleware: HAProxy in front of Jetty 12 instances running
 * a WAR zipped from examples/java-war.
 */
class JavaRolesTest {
  /** A JVM, Jetty and the first JSP compilation on a busy two-core machine. */
  private static final Duration START = Duration.ofSeconds(90);

  private static final Path WAR_SOURCES = RoleHarness.repositoryPath("examples/java-war");

  @TempDir Path root;
  private RoleHarness harness;

  @BeforeAll
  static void middlewareIsInstalled() {
    assumeTrue(RoleHarness.installed("haproxy", "setpriv"), "needs Debian's haproxy package");
    assumeTrue(
        Files.isDirectory(RoleHarness.MIDDLEWARE.resolve("jetty")),
        "needs Jetty in " + RoleHarness.MIDDLEWARE + " (mvn -o -pl images/middleware package)");
  }

  @BeforeEach
  void setUp() throws IOException {
    harness = new RoleHarness(root);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void servesTheWarThroughTheProxyAndSwitchesToTheNextVersionUnderLoad() throws Exception {
    Path v1 = unpacked(war("1", false), "v1");
    Path v2 = unpacked(war("2", false), "v2");
    Instance proxy = harness.add("java", "proxy", "s6-proxy-1").code(v1, 1);
    List<Instance> webs =
        List.of(
            harness.add("java", "web", "s6-web-1").code(v1, 1).env("MEC_MEMORY_MIB", "256"),
            harness.add("java", "web", "s6-web-2").code(v1, 1).env("MEC_MEMORY_MIB", "256"));
    harness.writeAgents();
    List<Instance> all = List.of(proxy, webs.get(0), webs.get(1));
    for (Instance web : webs) {
      RoleHarness.Result init = web.run("init.sh");
      assertTrue(init.ok(), web.id() + ": " + init.output());
    }
    for (Instance instance : all) {
      assertFalse(instance.healthy(), instance.id() + " healthy before start");
      instance.start();
    }
    for (Instance instance : all) {
      instance.awaitHealthy(START);
    }

    assertBalancedWithStickySessions(proxy);
    switchUnderLoad(proxy, webs, v2);
    for (int i = 0; i < 4; i++) {
      assertTrue(RoleHarness.body(proxy.uri("/")).startsWith("version 2 "));
    }

    for (Instance instance : all) {
      Duration took = instance.stop();
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, instance.id() + " took " + took);
      assertEquals(List.of(), instance.leftovers(), instance.id() + " left processes");
    }
  }

  /** Requests without cookies reach both instances; a client with cookies keeps its session. */
  private static void assertBalancedWithStickySessions(Instance proxy) throws Exception {
    // the proxy takes an instance in after two good checks: one that its first check found not
    // started yet (then 503 without any instance up) only a second or two after Jetty answers
    URI stats = URI.create("http://" + RoleHarness.IP + ":" + (proxy.port() + 1) + "/stats;csv");
    RoleHarness.await(
        START,
        () -> "the proxy checks both instances up; its log:\n" + proxy.log(),
        () ->
            RoleHarness.body(stats)
                    .lines()
                    .filter(l -> l.matches("web,s6-web-\\d,.*,UP,.*"))
                    .count()
                == 2);
    Set<String> answers = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      answers.add(RoleHarness.body(proxy.uri("/")));
    }
    assertEquals(
        Set.of("version 1 s6-web-1", "version 1 s6-web-2"), answers, "round robin; " + proxy.log());

    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String first = get(browser, proxy.uri("/session.jsp")).body().strip();
    assertTrue(first.startsWith("visits 1 s6-web-"), first);
    String web = first.substring("visits 1 ".length());
    for (int visit = 2; visit <= 4; visit++) {
      assertEquals(
          "visits " + visit + " " + web, get(browser, proxy.uri("/session.jsp")).body().strip());
    }
  }

  /** Checks and switches to {@code next} one instance after the other while clients keep asking. */
  private static void switchUnderLoad(Instance proxy, List<Instance> webs, Path next)
      throws IOException {
    Map<String, String> env = Map.of("MEC_CODE_DIR", next.toString(), "MEC_CODE_VERSION", "2");
    try (Load load = new Load(3, List.of(proxy.uri("/")))) {
      load.awaitMore(100, START);
      long before = load.requests();
      long began = System.nanoTime();
      for (Instance instance : webs) {
        RoleHarness.Result init = instance.run("init.sh", env);
        assertTrue(init.ok(), instance.id() + ": " + init.output());
        RoleHarness.Result switched = instance.run("switch.sh", env);
        assertTrue(switched.ok(), instance.id() + ": " + switched.output());
      }
      Duration switching = Duration.ofNanos(System.nanoTime() - began);
      long during = load.requests() - before;
      load.awaitMore(100, START);
      load.stop();

      assertEquals(List.of(), load.failures(), "failed requests of " + load.requests());
      for (String answer : load.answers().keySet()) {
        assertTrue(answer.startsWith("version 1 ") || answer.startsWith("version 2 "), answer);
      }
      Map<String, Double> figures = proxy.metrics();
      assertTrue(figures.get("requestsPerSecond") > 0, figures.toString());
      assertTrue(figures.get("p50Millis") <= figures.get("p95Millis"), figures.toString());
      assertEquals(0.0, figures.get("errorsPerSecond"), figures.toString());
      assertEquals(2.0, figures.get("backendsUp"), figures.toString());
      System.out.printf(
          "java switch of %d Jetty instances under load: %d ms, %d requests meanwhile,"
              + " %d in all, %d failed; metrics.sh %s%n",
          webs.size(),
          switching.toMillis(),
          during,
          load.requests(),
          load.failures().size(),
          figures);
    }
  }

  @Test
  void initRefusesWhatIsNoWebApplicationOrHasAMalformedDescriptor() throws Exception {
    Instance web = harness.add("java", "web", "s7-web-1");

    Path broken = unpacked(war("3", true), "broken");
    RoleHarness.Result refused = web.code(broken, 3).run("init.sh");
    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("[Fatal Error] web.xml:7:"), refused.output());

    Path plain = Files.createDirectories(root.resolve("code/plain"));
    Files.writeString(plain.resolve("index.html"), "no WEB-INF here");
    RoleHarness.Result noApplication = web.code(plain, 4).run("init.sh");
    assertNotEquals(0, noApplication.exitCode(), noApplication.output());

    // a code directory holding the WAR file itself is accepted as well
    Path packed = Files.createDirectories(root.resolve("code/packed"));
    Files.copy(war("5", false), packed.resolve("app.war"));
    RoleHarness.Result accepted = web.code(packed, 5).run("init.sh");
    assertTrue(accepted.ok(), accepted.output());
    Files.writeString(packed.resolve("app.war"), "not a zip");
    assertNotEquals(0, web.run("init.sh").exitCode());
  }

  /** The sample WAR with {@code version} as its app.version, optionally with a cut web.xml. */
  private Path war(String version, boolean malformed) throws IOException {
    Path war = root.resolve("hello-" + version + (malformed ? "-broken" : "") + ".war");
    try (OutputStream out = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(WAR_SOURCES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = WAR_SOURCES.relativize(file).toString();
        if (name.equals("README.md")) {
          continue;
        }
        String text = Files.readString(file);
        if (name.equals("WEB-INF/web.xml")) {
          text =
              text.replace(
                  "<param-value>1</param-value>", "<param-value>" + version + "</param-value>");
          if (malformed) {
            text = text.substring(0, text.indexOf("<context-param>") + "<context-param>".length());
          }
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return war;
  }

  /** The WAR unpacked as the agent unpacks a code version (plain modes, a fresh directory). */
  private Path unpacked(Path war, String name) throws IOException {
    Path staging = root.resolve("staging-" + name);
    try (InputStream in = Files.newInputStream(war);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path file = staging.resolve(entry.getName());
        Files.createDirectories(file.getParent());
        Files.copy(zip, file);
      }
    }
    Path code = harness.code(staging, name);
    Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
    return code;
  }

  private static HttpResponse<String> get(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

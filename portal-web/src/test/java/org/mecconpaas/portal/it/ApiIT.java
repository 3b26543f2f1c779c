package org.mecconpaas.portal.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mecconpaas.portal.it.ApiClient.Answer;

/**
 * The REST contract of the real WAR on Payara Micro: the newcomer's path, every kind of bad input
 * the API must refuse without storing anything, tokens, and tenant isolation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {
  private static final String ADMIN_PASSWORD = System.getProperty("mec.it.admin-password");
  private static final Path DATA = Path.of(System.getProperty("mec.it.data"));
  private static final String DEV_PASSWORD = "correct horse battery";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("mec.it.war")));
  }

  @ArquillianResource private URL base;

  private ApiClient anonymous;
  private ApiClient admin;

  @BeforeEach
  void signIn() throws Exception {
    anonymous = new ApiClient(base.toURI(), null);
    admin = anonymous.as(login("admin", ADMIN_PASSWORD));
  }

  private String login(String username, String password) {
    Answer answer =
        anonymous.post(
            "auth/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    assertEquals(201, answer.status(), answer::toString);
    return answer.json().getString("token");
  }

  /** A new developer account, signed in. */
  private ApiClient newDeveloper() {
    String name = unique("dev");
    Answer created =
        admin.post(
            "users",
            "{\"username\":\""
                + name
                + "\",\"role\":\"DEVELOPER\",\"password\":\""
                + DEV_PASSWORD
                + "\"}");
    assertEquals(201, created.status(), created::toString);
    return anonymous.as(login(name, DEV_PASSWORD));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void newcomerCreatesAnApplicationAServiceAndCode() throws Exception {
    ApiClient dev = newDeveloper();
    assertEquals(200, anonymous.get("health").status());

    Answer app = dev.post("applications", "{\"name\":\"shop\",\"description\":\"demo\"}");
    assertEquals(201, app.status(), app::toString);
    Answer renamed = dev.patch("applications/shop", "{\"name\":\"store\"}");
    assertEquals("store", renamed.json().getString("name"), renamed::toString);
    assertEquals(404, dev.get("applications/shop").status());

    Answer service =
        dev.post("applications/store/services", "{\"name\":\"web\",\"type\":\"generic\"}");
    assertEquals(201, service.status(), service::toString);
    assertEquals("INIT", service.json().getString("state"));
    assertEquals(1, service.json().getJsonObject("roles").getInt("master"));
    Answer resized =
        dev.patch(
            "applications/store/services/web",
            "{\"roles\":{\"node\":3},\"placementPolicy\":\"near-users\"}");
    assertEquals(200, resized.status(), resized::toString);
    assertEquals(2, resized.json().getInt("generation"));
    assertEquals("near-users", resized.json().getString("placementPolicy"));

    byte[] bundle = Archives.zip("run.sh", "#!/bin/sh\necho hello\n");
    Answer upload = dev.upload("applications/store/services/web/code", "bundle.zip", bundle);
    assertEquals(201, upload.status(), upload::toString);
    assertEquals(sha256(bundle), upload.json().getString("sha256"));
    assertTrue(upload.json().getBoolean("active"));
    Answer download = dev.get("applications/store/services/web/code/1");
    assertArrayEquals(bundle, download.body());

    Answer second =
        dev.upload(
            "applications/store/services/web/code",
            "bundle.tgz",
            Archives.tarGz("run.sh", '0', "", "echo 2"));
    assertEquals(201, second.status(), second::toString);
    assertFalse(second.json().getBoolean("active"));
    assertTrue(
        dev.post("applications/store/services/web/code/2/enable").json().getBoolean("active"));
    assertEquals(409, dev.delete("applications/store/services/web/code/2").status());
    assertEquals(204, dev.delete("applications/store/services/web/code/1").status());
    assertEquals(1, dev.get("applications/store/services/web/code").array().size());

    Answer started = dev.post("applications/store/services/web/start");
    assertEquals(202, started.status(), started::toString);
    assertEquals("PROLOGUE", started.json().getString("state"));
    assertEquals("RUNNING", started.json().getString("desiredState"));
    assertEquals(409, dev.post("applications/store/services/web/start").status());
    assertEquals(409, dev.delete("applications/store/services/web").status());
    Answer stopped = dev.post("applications/store/services/web/stop");
    assertEquals("EPILOGUE", stopped.json().getString("state"), stopped::toString);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> dev.get("applications/store/services/web").json().getString("state"),
            is("STOPPED"));

    List<String> transitions =
        dev
            .get("events?application=store&service=web&size=100")
            .json()
            .getJsonArray("items")
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getString("action").equals("service.state"))
            .map(e -> e.getString("detail"))
            .filter(d -> !d.startsWith("PROLOGUE -> PROLOGUE"))
            .toList();
    assertEquals(
        List.of("EPILOGUE -> STOPPED", "PROLOGUE -> EPILOGUE", "INIT -> PROLOGUE"), transitions);

    assertEquals(204, dev.delete("applications/store").status());
    assertEquals(0, dev.get("applications").array().size());
  }

  @Test
  void catalogOpenApiHealthAndOperatorEndpoints() throws Exception {
    assertEquals(8, admin.get("catalog").array().size());
    assertEquals(
        List.of("jobmanager", "taskmanager"),
        admin.get("catalog/flink").json().getJsonArray("roles").stream()
            .map(r -> r.asJsonObject().getString("name"))
            .toList());
    assertEquals(404, admin.get("catalog/cobol").status());

    var openapi =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, openapi.statusCode());
    assertTrue(
        openapi.body().contains("/applications/{app}/services"), "OpenAPI lists the services");

    Answer metrics = admin.get("metrics");
    assertEquals(200, metrics.status());
    assertTrue(metrics.text().contains("# TYPE mec_applications gauge"), metrics::toString);

    Answer token =
        admin.post("nodes/enrollment-tokens", "{\"nodeName\":\"pi-01\",\"expiresInHours\":2}");
    assertEquals(201, token.status(), token::toString);
    assertTrue(token.json().getString("token").startsWith("join_"));
    assertTrue(
        admin.get("nodes/enrollment-tokens").array().stream()
            .map(JsonValue::asJsonObject)
            .noneMatch(t -> t.containsKey("token")),
        "join tokens are shown only once");
    assertEquals(200, admin.get("nodes").status());
    assertEquals(404, admin.get("nodes/pi-01").status());

    ApiClient dev = newDeveloper();
    for (String path : List.of("nodes", "nodes/enrollment-tokens", "users", "metrics")) {
      assertEquals(403, dev.get(path).status(), path);
    }
    assertEquals(403, dev.post("nodes/enrollment-tokens", "{}").status());
  }

  @Test
  void badInputIsRefusedWithProblemDocumentsAndNothingIsStored() {
    ApiClient dev = newDeveloper();
    assertProblem(400, dev.post("applications", "{\"name\":\"x\""));
    assertProblem(400, dev.post("applications", "{\"name\":\"ok\",\"colour\":\"red\"}"));
    assertProblem(400, dev.post("applications", "[1,2]"));
    assertProblem(400, dev.post("applications", ""));
    for (String name : List.of("", "a".repeat(64), "Shop", "my_app", "-app", "app-", "9lives")) {
      assertProblem(422, dev.post("applications", "{\"name\":\"" + name + "\"}"));
    }
    assertProblem(422, dev.post("applications", "{\"description\":\"no name\"}"));
    assertEquals(0, dev.get("applications").array().size(), "no application was stored");

    assertEquals(201, dev.post("applications", "{\"name\":\"lab\"}").status());
    assertProblem(409, dev.post("applications", "{\"name\":\"lab\"}"));
    assertProblem(
        422, dev.post("applications/lab/services", "{\"name\":\"s\",\"type\":\"cobol\"}"));
    assertProblem(
        422,
        dev.post(
            "applications/lab/services",
            "{\"name\":\"s\",\"type\":\"flink\",\"roles\":{\"jobmanager\":2}}"));
    assertProblem(
        422,
        dev.post(
            "applications/lab/services",
            "{\"name\":\"s\",\"type\":\"flink\",\"roles\":{\"worker\":1}}"));
    assertProblem(
        400,
        dev.post(
            "applications/lab/services",
            "{\"name\":\"s\",\"type\":\"flink\",\"roles\":{\"taskmanager\":\"many\"}}"));
    assertProblem(
        422,
        dev.post(
            "applications/lab/services",
            "{\"name\":\"s\",\"type\":\"flink\",\"placementPolicy\":\"random\"}"));
    assertEquals(0, dev.get("applications/lab/services").array().size(), "no service was stored");

    assertEquals(
        201, dev.post("applications/lab/services", "{\"name\":\"s\",\"type\":\"flink\"}").status());
    assertProblem(
        409, dev.post("applications/lab/services", "{\"name\":\"s\",\"type\":\"generic\"}"));
    assertProblem(409, dev.post("applications/lab/services/s/stop"));
    assertProblem(
        422, dev.patch("applications/lab/services/s", "{\"roles\":{\"taskmanager\":99}}"));
    assertEquals(1, dev.get("applications/lab/services/s").json().getInt("generation"));
    assertProblem(400, dev.get("events?size=0"));
    assertProblem(404, dev.get("applications/lab/services/nope"));
    assertProblem(405, dev.patch("catalog", "{}"));
  }

  @Test
  void uploadsThatCouldHarmANodeAreRefusedAndLeaveNoFile() throws IOException {
    ApiClient dev = newDeveloper();
    dev.post("applications", "{\"name\":\"lab\"}");
    dev.post("applications/lab/services", "{\"name\":\"g\",\"type\":\"generic\"}");
    dev.post("applications/lab/services", "{\"name\":\"j\",\"type\":\"java\"}");
    String code = "applications/lab/services/g/code";
    assertEquals(201, dev.upload(code, "good.zip", Archives.zip("run.sh", "echo ok")).status());
    long filesBefore = filesUnder(DATA.resolve("code"));

    assertProblem(413, dev.upload(code, "big.zip", new byte[2 * 1024 * 1024]));
    assertProblem(422, dev.upload(code, "fake.tar.gz", Archives.zip("run.sh", "x")));
    assertProblem(422, dev.upload(code, "fake.zip", "just text".getBytes()));
    byte[] truncated = Archives.zip("run.sh", "echo ".repeat(200));
    assertProblem(
        422, dev.upload(code, "cut.zip", java.util.Arrays.copyOf(truncated, truncated.length / 2)));
    assertProblem(422, dev.upload(code, "up.zip", Archives.zip("../evil.sh", "rm -rf /")));
    assertProblem(422, dev.upload(code, "abs.zip", Archives.zip("/etc/cron.d/evil", "x")));
    assertProblem(422, dev.upload(code, "up.tar.gz", Archives.tarGz("a/../../evil", '0', "", "x")));
    assertProblem(422, dev.upload(code, "link.tar.gz", Archives.tarGz("etc", '2', "/etc", "")));
    assertProblem(
        422, dev.upload(code, "link2.tar.gz", Archives.tarGz("a/up", '2', "../../x", "")));
    assertProblem(422, dev.upload(code, "notes.txt", "hello".getBytes()));
    assertProblem(
        422, dev.upload("applications/lab/services/j/code", "app.zip", Archives.zip("a", "b")));

    assertEquals(1, dev.get(code).array().size(), "only the good version is registered");
    assertEquals(filesBefore, filesUnder(DATA.resolve("code")), "no archive was kept");
    assertEquals(0, filesUnder(DATA.resolve("tmp")), "no upload was left behind");
    assertTrue(
        dev.get("events?application=lab&service=g&size=100").json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("outcome").equals("FAILURE")
                        && e.getString("action").equals("code.upload")),
        "refused uploads are audited");
  }

  @Test
  void tokensAreRequiredAndCanBeRevoked() {
    assertProblem(401, anonymous.get("applications"));
    assertProblem(401, anonymous.as("mec_not-a-real-token").get("applications"));
    assertProblem(
        401,
        anonymous.post("auth/tokens", "{\"username\":\"admin\",\"password\":\"wrong password\"}"));
    assertProblem(
        401,
        anonymous.post("auth/tokens", "{\"username\":\"nobody\",\"password\":\"wrong password\"}"));
    assertProblem(
        422,
        anonymous.post(
            "auth/tokens",
            "{\"username\":\"admin\",\"password\":\""
                + ADMIN_PASSWORD
                + "\",\"expiresInDays\":0}"));

    ApiClient dev = newDeveloper();
    JsonObject mine = dev.get("auth/tokens").array().getJsonObject(0);
    assertFalse(mine.containsKey("token"), "a token's secret is shown only once");
    long id = mine.getJsonNumber("id").longValue();
    assertProblem(404, newDeveloper().delete("auth/tokens/" + id));
    assertEquals(200, dev.get("applications").status());
    assertEquals(204, dev.delete("auth/tokens/" + id).status());
    assertProblem(401, dev.get("applications"));
  }

  @Test
  void settingsAndAutoscalingAreValidatedAndRefusedWhole() {
    ApiClient alice = newDeveloper();
    alice.post("applications", "{\"name\":\"web\"}");
    alice.post("applications/web/services", "{\"name\":\"site\",\"type\":\"php\"}");
    String site = "applications/web/services/site";

    Answer set =
        alice.put(site + "/settings", "{\"memory_limit\":\"256M\",\"display_errors\":\"On\"}");
    assertEquals(200, set.status(), set::toString);
    assertEquals("256M", set.json().getString("memory_limit"));
    Answer bad =
        alice.put(
            site + "/settings",
            "{\"memory_limit\":\"9999M\",\"max_execution_time\":\"30\",\"shell\":\"rm\"}");
    assertProblem(422, bad);
    assertEquals(2, bad.json().getJsonArray("errors").size(), bad::toString);
    JsonObject kept = alice.get(site + "/settings").json();
    assertEquals("256M", kept.getString("memory_limit"), "nothing half-written");
    assertFalse(kept.containsKey("max_execution_time"));
    assertEquals(
        "On",
        alice
            .put(site + "/settings", "{\"memory_limit\":null}")
            .json()
            .getString("display_errors"));

    assertProblem(404, alice.get(site + "/autoscaling"));
    Answer policy = alice.put(site + "/autoscaling", "{\"p95Millis\":150,\"maxInstances\":3}");
    assertEquals(200, policy.status(), policy::toString);
    assertEquals("backend", policy.json().getString("role"));
    assertEquals(30, policy.json().getInt("cooldownSeconds"));
    assertProblem(
        422, alice.put(site + "/autoscaling", "{\"cpuLowPercent\":90,\"cpuHighPercent\":50}"));
    assertEquals(150, alice.get(site + "/autoscaling").json().getInt("p95Millis"));
    assertEquals(204, alice.delete(site + "/autoscaling").status());

    alice.post("applications/web/services", "{\"name\":\"gen\",\"type\":\"generic\"}");
    assertProblem(
        422, alice.put("applications/web/services/gen/settings", "{\"memory_limit\":\"64M\"}"));
    assertProblem(422, alice.put("applications/web/services/gen/autoscaling", "{}"));
  }

  @Test
  void placementIsValidatedAndMigrationsNeedARunningService() {
    ApiClient alice = newDeveloper();
    alice.post("applications", "{\"name\":\"geo\"}");
    alice.post("applications/geo/services", "{\"name\":\"svc\",\"type\":\"generic\"}");
    String svc = "applications/geo/services/svc";

    Answer followMe =
        alice.put(svc + "/placement", "{\"policy\":\"near-users\",\"maxUserDistanceMeters\":250}");
    assertEquals(200, followMe.status(), followMe::toString);
    assertEquals(250.0, followMe.json().getJsonNumber("maxUserDistanceMeters").doubleValue());
    Answer noNode =
        alice.put(
            svc + "/placement",
            "{\"policy\":\"near\",\"near\":{\"latitude\":-33.9,\"longitude\":18.4,\"radiusMeters\":100}}");
    assertProblem(422, noNode);
    assertTrue(
        noNode.json().getString("detail").contains("no node within 100 m"), noNode::toString);
    assertProblem(
        422,
        alice.put(
            svc + "/placement",
            "{\"policy\":\"near\",\"near\":{\"latitude\":95,\"longitude\":4}}"));
    assertProblem(422, alice.put(svc + "/placement", "{\"policy\":\"everywhere\"}"));
    assertEquals(
        "near-users", alice.get(svc + "/placement").json().getString("policy"), "unchanged");

    assertProblem(404, alice.post(svc + "/instances/s999-master-0/migrate", "{\"node\":\"n1\"}"));
    assertEquals(0, alice.get(svc + "/migrations").array().size());
  }

  @Test
  void jobsNeedAFlinkServiceWithARunningJobManager() {
    ApiClient alice = newDeveloper();
    alice.post("applications", "{\"name\":\"stream\"}");
    alice.post("applications/stream/services", "{\"name\":\"gen\",\"type\":\"generic\"}");
    alice.post("applications/stream/services", "{\"name\":\"fl\",\"type\":\"flink\"}");

    assertProblem(422, alice.get("applications/stream/services/gen/jobs"));
    Answer notRunning = alice.post("applications/stream/services/fl/jobs", "{}");
    assertProblem(409, notRunning);
    assertTrue(notRunning.json().getString("detail").contains("no running JobManager"));
    assertProblem(404, alice.get("applications/stream/services/fl/jobs/not-a-job-id"));
    JsonObject flink = alice.get("applications/stream/services/fl").json();
    assertTrue(
        !flink.containsKey("endpoint") || flink.isNull("endpoint"),
        "no endpoint before the service runs: " + flink);
  }

  @Test
  void aSecondDeveloperSeesNothingOfTheFirst() {
    ApiClient alice = newDeveloper();
    ApiClient bob = newDeveloper();
    alice.post("applications", "{\"name\":\"secret\"}");
    alice.post("applications/secret/services", "{\"name\":\"db\",\"type\":\"generic\"}");
    alice.upload("applications/secret/services/db/code", "b.zip", Archives.zip("run.sh", "x"));

    String app = "applications/secret";
    String svc = app + "/services/db";
    List<Answer> bobs =
        List.of(
            bob.get(app),
            bob.patch(app, "{\"name\":\"mine\"}"),
            bob.delete(app),
            bob.get(app + "/services"),
            bob.post(app + "/services", "{\"name\":\"x\",\"type\":\"generic\"}"),
            bob.get(svc),
            bob.patch(svc, "{\"roles\":{\"node\":1}}"),
            bob.delete(svc),
            bob.post(svc + "/start"),
            bob.post(svc + "/stop"),
            bob.get(svc + "/code"),
            bob.upload(svc + "/code", "b.zip", Archives.zip("run.sh", "x")),
            bob.get(svc + "/code/1"),
            bob.post(svc + "/code/1/enable"),
            bob.delete(svc + "/code/1"),
            bob.get(svc + "/instances"),
            bob.get(svc + "/instances/" + "s1-master-0" + "/metrics"),
            bob.get(svc + "/jobs"),
            bob.post(svc + "/jobs", "{}"),
            bob.get(svc + "/jobs/0123456789abcdef0123456789abcdef"),
            bob.post(svc + "/jobs/0123456789abcdef0123456789abcdef/cancel"),
            bob.get(svc + "/settings"),
            bob.put(svc + "/settings", "{}"),
            bob.get(svc + "/autoscaling"),
            bob.put(svc + "/autoscaling", "{}"),
            bob.delete(svc + "/autoscaling"),
            bob.get(svc + "/placement"),
            bob.put(svc + "/placement", "{\"policy\":\"pack\"}"),
            bob.get(svc + "/migrations"),
            bob.post(svc + "/instances/s1-master-0/migrate", "{\"node\":\"n1\"}"));
    for (Answer answer : bobs) {
      assertProblem(404, answer);
      assertFalse(answer.text().contains("forbidden"), answer::toString);
    }
    assertEquals(0, bob.get("applications").array().size());
    assertEquals(0, bob.get("events?application=secret").json().getInt("total"));
    assertEquals("INIT", alice.get(svc).json().getString("state"), "bob changed nothing");
    assertEquals(1, alice.get(svc + "/code").array().size());
    assertEquals(1, alice.get("applications").array().size());
  }

  @Test
  void portalFormLoginOpensASessionThatTheApiIgnores() throws Exception {
    var http =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build();
    URI root = base.toURI();
    var home = java.net.http.HttpRequest.newBuilder(root.resolve("portal/home.xhtml")).build();
    var loginPage = http.send(home, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(
        loginPage.uri().getPath().endsWith("/login.xhtml"),
        "anonymous users land on the login page");
    var viewState =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(loginPage.body());
    assertTrue(viewState.find(), "the login form has a view state");
    String form =
        "login=login&login%3Ausername=admin&login%3Apassword="
            + java.net.URLEncoder.encode(ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
            + "&login%3Asubmit=&jakarta.faces.ViewState="
            + java.net.URLEncoder.encode(
                viewState.group(1), java.nio.charset.StandardCharsets.UTF_8);
    var signedIn =
        http.send(
            java.net.http.HttpRequest.newBuilder(loginPage.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(signedIn.body().contains("Signed in as"), signedIn.body());
    assertEquals(
        200, http.send(home, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    var apiWithCookie =
        http.send(
            java.net.http.HttpRequest.newBuilder(root.resolve("api/v1/applications")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(
        401, apiWithCookie.statusCode(), "the API takes bearer tokens, not the portal's cookie");
  }

  @Test
  void agentProtocolRefusesBadJoinTokensAndCredentials() {
    String enroll =
        "{\"joinToken\":\"%s\",\"name\":\"%s\",\"latitude\":52.1,\"longitude\":4.4,"
            + "\"cpuMillis\":4000,\"memoryMiB\":1024,\"address\":\"127.0.0.1\",\"runtime\":\"process\"}";
    AgentClient agent = new AgentClient(anonymous);
    String node = unique("n");
    assertProblem(401, agent.post("enroll", String.format(enroll, "join_wrong", node), null));
    String token = admin.post("nodes/enrollment-tokens", "{}").json().getString("token");
    assertProblem(422, agent.post("enroll", String.format(enroll, token, "Not_DNS"), null));
    Answer enrolled = agent.post("enroll", String.format(enroll, token, node), null);
    assertEquals(201, enrolled.status(), enrolled::toString);
    assertProblem(401, agent.post("enroll", String.format(enroll, token, unique("n")), null));
    assertEquals(
        404,
        admin.get("nodes/" + "never-" + node).status(),
        "a refused enrollment registers nothing");

    String credential = enrolled.json().getString("credential");
    Answer beat = agent.post("heartbeat", "{\"metrics\":{},\"instances\":[]}", credential);
    assertEquals(200, beat.status(), beat::toString);
    assertEquals(0, beat.json().getJsonArray("instances").size());
    assertProblem(401, agent.post("heartbeat", "{\"instances\":[]}", "node_forged"));
    assertProblem(401, agent.post("heartbeat", "{\"instances\":[]}", null));
    assertProblem(400, agent.post("heartbeat", "{\"instances\":[{\"state\":1}]}", credential));
    assertEquals("UP", admin.get("nodes/" + node).json().getString("state"));
    assertEquals(200, admin.post("nodes/" + node + "/revoke").status());
    assertProblem(401, agent.post("heartbeat", "{\"instances\":[]}", credential));
    assertEquals("DOWN", admin.get("nodes/" + node).json().getString("state"));
  }

  @Test
  void clientsFromHeartbeatsRoutesAndNoMobilityWithoutAnEmulatedEdge() throws Exception {
    String enroll =
        "{\"joinToken\":\"%s\",\"name\":\"%s\",\"latitude\":52.16,\"longitude\":4.49,"
            + "\"cpuMillis\":4000,\"memoryMiB\":1024,\"address\":\"127.0.0.1\",\"runtime\":\"process\"}";
    AgentClient agent = new AgentClient(anonymous);
    String node = unique("ap");
    String token = admin.post("nodes/enrollment-tokens", "{}").json().getString("token");
    String credential =
        agent
            .post("enroll", String.format(enroll, token, node), null)
            .json()
            .getString("credential");
    String client = unique("phone");
    String report =
        "{\"metrics\":{},\"instances\":[],\"clients\":[{\"id\":\"" + client + "\",\"since\":1}]}";
    ApiClient dev = newDeveloper();

    Answer beat = agent.post("heartbeat", report, credential);
    assertEquals(200, beat.status(), beat::toString);
    JsonObject plan = beat.json().getJsonObject("accessPoint");
    assertEquals(0, plan.getJsonArray("stations").size(), "no emulated stations on real boards");
    assertNotNull(plan.getJsonArray("routes"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              agent.post("heartbeat", report, credential);
              Answer seen = dev.get("clients/" + client);
              return seen.status() == 200 && node.equals(seen.json().getString("node", null));
            });
    Answer shown = dev.get("clients/" + client);
    JsonObject history = shown.json().getJsonObject("history");
    assertEquals(1, history.getInt("total"), shown::toString);
    assertEquals(node, history.getJsonArray("items").getJsonObject(0).getString("node"));
    assertFalse(history.getJsonArray("items").getJsonObject(0).containsKey("to"));
    Answer listed = dev.get("clients?size=500");
    assertEquals(200, listed.status(), listed::toString);
    assertTrue(listed.json().getInt("total") >= 1);
    assertProblem(404, dev.get("clients/" + unique("nobody")));
    assertProblem(400, dev.get("clients?size=0"));

    // the edge of this deployment is not emulated: mobility cannot start, and only for operators
    String start = "{\"clients\":5,\"model\":\"random-waypoint\",\"seed\":1}";
    assertProblem(409, admin.post("emulation/mobility", start));
    assertProblem(403, dev.post("emulation/mobility", start));
    Answer status = dev.get("emulation/mobility");
    assertEquals(200, status.status(), status::toString);
    assertFalse(status.json().getBoolean("available"));
    assertEquals("STOPPED", status.json().getString("state"));
    var csv =
        java.net.http.HttpRequest.newBuilder(base.toURI().resolve("api/v1/emulation/mobility"))
            .header("Authorization", "Bearer " + login("admin", ADMIN_PASSWORD))
            .header("Content-Type", "text/csv")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("0,c1,52.16,4.49\n"))
            .build();
    var refused =
        java.net.http.HttpClient.newHttpClient()
            .send(csv, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals(204, admin.delete("emulation/mobility").status());
    assertProblem(403, dev.delete("emulation/mobility"));

    // routes: none while the service does not run; other tenants see no such service
    assertEquals(201, dev.post("applications", "{\"name\":\"campus\"}").status());
    assertEquals(
        201,
        dev.post("applications/campus/services", "{\"name\":\"web\",\"type\":\"generic\"}")
            .status());
    Answer routes = dev.get("applications/campus/services/web/routes");
    assertEquals(200, routes.status(), routes::toString);
    assertEquals(0, routes.array().size());
    assertProblem(404, newDeveloper().get("applications/campus/services/web/routes"));
  }

  private static void assertProblem(int status, Answer answer) {
    assertEquals(status, answer.status(), answer::toString);
    assertTrue(answer.contentType().startsWith("application/problem+json"), answer::toString);
    JsonObject problem = answer.json();
    assertEquals(status, problem.getInt("status"));
    assertNotNull(problem.getString("detail"));
    assertTrue(problem.getString("instance").startsWith("urn:uuid:"));
    assertFalse(answer.text().contains("org.mecconpaas"), "no class names leak: " + answer);
    assertFalse(answer.text().contains("Exception"), "no exception names leak: " + answer);
  }

  private static long filesUnder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

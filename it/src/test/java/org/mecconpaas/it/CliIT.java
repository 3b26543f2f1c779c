package org.mecconpaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's tour of {@code cli/README.md}, run with the real CLI jar against one real master:
 * an operator creates a developer, the developer deploys a service, and each sees only what their
 * role allows. The steps build on each other, hence one master, one instance and a fixed order;
 * where the CLI reports a refusal, the test asks the API directly to check that the CLI passed the
 * master's status and detail on unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class CliIT {

  private static final int REFUSED = 1;

  private RunningMaster master;
  private Cli admin;
  private Cli alice;
  private String alicePassword;
  private byte[] bundle;

  @BeforeAll
  void startMaster(@TempDir Path home) throws IOException {
    master =
        RunningMaster.start(
            MasterSetup.fresh(
                MasterSetup.pathProperty("mec.launcher"),
                MasterSetup.pathProperty("mec.it.work-dir")));
    Path jar = MasterSetup.pathProperty("mec.cli.jar");
    admin = new Cli(jar, home.resolve("admin/config"), home.resolve("admin/work"));
    alice = new Cli(jar, home.resolve("alice/config"), home.resolve("alice/work"));
  }

  /** Runs even when a step or the start failed, so no master outlives the test. */
  @AfterAll
  void stopMaster() {
    if (master != null) {
      master.close();
      assertFalse(master.isAlive(), "the master or a child of it still runs after close()");
    }
  }

  @Test
  @Order(1)
  void adminLogsInWithThePasswordOnStdin() throws Exception {
    CliRun login =
        admin
            .runWithInput(
                master.adminPassword() + "\n",
                "login",
                "--url",
                master.url(),
                "--username",
                "admin",
                "--password-stdin")
            .succeeds();
    assertTrue(
        login.stdout().contains("Logged in to " + master.url() + " as admin"), login::describe);
    Properties config = savedConfig(admin);
    assertNotNull(config.getProperty("token"), "the token must be saved");
    assertFalse(
        Files.readString(admin.configFile()).contains(master.adminPassword()),
        "the password must never be saved");
  }

  @Test
  @Order(2)
  void adminCreatesADeveloperWithAGeneratedPassword() throws Exception {
    JsonObject user =
        admin.run("user", "create", "alice", "--role", "DEVELOPER", "--json").succeeds().object();
    assertEquals("alice", user.getString("username"));
    assertEquals("DEVELOPER", user.getString("role"));
    alicePassword = user.getString("initialPassword");
    assertTrue(alicePassword.length() >= 12, "generated password too short: " + alicePassword);
  }

  @Test
  @Order(3)
  void developerLogsInWithHerOwnConfig() throws Exception {
    JsonObject token =
        alice
            .runWithInput(
                alicePassword + "\n",
                "login",
                "--url",
                master.url(),
                "--username",
                "alice",
                "--password-stdin",
                "--json")
            .succeeds()
            .object();
    assertFalse(token.containsKey("token"), "login --json must leave the secret out: " + token);
    assertEquals("alice", savedConfig(alice).getProperty("username"));
  }

  @Test
  @Order(4)
  void developerCreatesAnApplication() throws Exception {
    alice.run("app", "create", "demo").succeeds();
    List<String> names =
        alice.run("app", "list", "--json").succeeds().array().stream()
            .map(app -> app.asJsonObject().getString("name"))
            .toList();
    assertEquals(List.of("demo"), names);
  }

  @Test
  @Order(5)
  void developerCreatesAServiceWithRoleCounts() throws Exception {
    JsonObject service =
        alice
            .run(
                "service", "create", "demo", "web", "--type", "generic", "--role", "node=2",
                "--json")
            .succeeds()
            .object();
    assertEquals("web", service.getString("name"));
    assertEquals("generic", service.getString("type"));
    assertEquals("INIT", service.getString("state"));
    assertEquals(2, service.getJsonObject("roles").getInt("node"));
  }

  @Test
  @Order(6)
  void developerUploadsACodeBundle() throws Exception {
    bundle = zipWithRunScript();
    Files.write(alice.workDir().resolve("bundle.zip"), bundle);
    CliRun upload = alice.run("code", "upload", "demo", "web", "bundle.zip").succeeds();
    assertTrue(upload.stdout().contains("Uploaded bundle.zip as version 1."), upload::describe);
  }

  @Test
  @Order(7)
  void theFirstVersionIsActive() throws Exception {
    CliRun table = alice.run("code", "list", "demo", "web").succeeds();
    assertTrue(
        Pattern.compile("(?m)^1\\s+\\*\\s+bundle\\.zip\\s").matcher(table.stdout()).find(),
        () -> "version 1 should be listed as active: " + table.describe());

    JsonObject version =
        alice.run("code", "list", "demo", "web", "--json").succeeds().array().getJsonObject(0);
    assertEquals(1, version.getInt("version"));
    assertTrue(version.getBoolean("active"));
    assertEquals(sha256(bundle), version.getString("sha256"));
  }

  @Test
  @Order(8)
  void downloadGivesTheSameBytes() throws Exception {
    alice.run("code", "download", "demo", "web", "1", "-o", "out.zip").succeeds();
    byte[] downloaded = Files.readAllBytes(alice.workDir().resolve("out.zip"));
    assertEquals(sha256(bundle), sha256(downloaded), "downloaded archive differs from the upload");
  }

  @Test
  @Order(9)
  void startingTheServiceEntersPrologue() throws Exception {
    CliRun start = alice.run("service", "start", "demo", "web").succeeds();
    assertTrue(start.stdout().contains("(state PROLOGUE)"), start::describe);
  }

  @Test
  @Order(10)
  void startingItAgainIsRefusedWithTheMastersDetail() throws Exception {
    CliRun again = alice.run("service", "start", "demo", "web").exits(REFUSED);
    ApiClient.Answer answer =
        api(alice).post("/applications/demo/services/web/start", null).expect(409);
    assertFirstErrorLine(again, answer);
  }

  @Test
  @Order(11)
  void eventsShowTheStateChange() throws Exception {
    boolean found =
        alice
            .run("events", "--app", "demo", "--json")
            .succeeds()
            .object()
            .getJsonArray("items")
            .stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                event ->
                    "service.state".equals(event.getString("action", null))
                        && "web".equals(event.getString("service", null))
                        && event.getString("detail", "").contains("PROLOGUE"));
    assertTrue(found, "no service.state event for demo/web");
  }

  @Test
  @Order(12)
  void theAdminDoesNotSeeTheDevelopersApplication() throws Exception {
    assertTrue(
        admin.run("app", "list", "--json").succeeds().array().stream()
            .noneMatch(app -> "demo".equals(app.asJsonObject().getString("name"))),
        "alice's application is listed for the admin");
    CliRun show = admin.run("service", "show", "demo", "web").exits(REFUSED);
    assertTrue(show.stderr().contains("not found"), show::describe);
  }

  @Test
  @Order(13)
  void adminCreatesANodeJoinToken() throws Exception {
    CliRun token = admin.run("node", "token").succeeds();
    Matcher line = Pattern.compile("(?m)^token:\\s+(\\S+)\\s*$").matcher(token.stdout());
    assertTrue(line.find(), () -> "no token line: " + token.describe());
  }

  @Test
  @Order(14)
  void noNodeHasJoinedYet() throws Exception {
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, admin.run("node", "list", "--json").succeeds().json());
    CliRun table = admin.run("node", "list").succeeds();
    assertEquals(1, table.stdout().strip().lines().count(), "only the header: " + table.describe());
  }

  @Test
  @Order(15)
  void aDeveloperCannotListNodes() throws Exception {
    CliRun nodes = alice.run("node", "list").exits(REFUSED);
    assertFirstErrorLine(nodes, api(alice).get("/nodes").expect(403));
  }

  /** The CLI must print the master's own problem detail, not a message of its own. */
  private static void assertFirstErrorLine(CliRun run, ApiClient.Answer problem) {
    String detail = problem.object().getString("detail");
    assertEquals("error: " + detail, run.stderr().lines().findFirst().orElse(""), run::describe);
  }

  /** A direct API client with the token the CLI saved for this user. */
  private ApiClient api(Cli user) throws IOException {
    return ApiClient.anonymous(master.api()).withToken(savedConfig(user).getProperty("token"));
  }

  private static Properties savedConfig(Cli user) throws IOException {
    Properties config = new Properties();
    try (Reader in = Files.newBufferedReader(user.configFile(), StandardCharsets.UTF_8)) {
      config.load(in);
    }
    return config;
  }

  /** A bundle as the generic type expects it: scripts at the top, run.sh starting the work. */
  private static byte[] zipWithRunScript() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("run.sh"));
      zip.write("#!/bin/sh\necho \"hello from $(hostname)\"\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] data) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}

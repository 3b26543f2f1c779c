package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class ServiceCommandTest {

  private static final String SERVICE =
      "{\"name\":\"web\",\"application\":\"shop\",\"type\":\"php\",\"state\":\"PROLOGUE\","
          + "\"desiredState\":\"RUNNING\",\"phaseMessage\":null,\"placementPolicy\":\"pack\","
          + "\"roles\":{\"proxy\":1,\"web\":2,\"backend\":3},\"generation\":1,"
          + "\"activeCodeVersion\":null}";

  // As the master sends a service that runs: with its endpoint.
  private static final String RUNNING_SERVICE =
      "{\"name\":\"web\",\"application\":\"shop\",\"type\":\"php\",\"state\":\"RUNNING\","
          + "\"desiredState\":\"RUNNING\",\"placementPolicy\":\"pack\","
          + "\"roles\":{\"proxy\":1,\"web\":2,\"backend\":3},\"generation\":3,"
          + "\"activeCodeVersion\":2,\"endpoint\":\"http://10.77.0.11:20000\"}";

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster();
    mec = new MecRunner(temp).loggedInTo(master);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void createSendsTypeRolesAndPlacement() {
    master.on("POST", "/api/v1/applications/shop/services", r -> Reply.json(201, SERVICE));

    var result =
        mec.run(
            "service",
            "create",
            "shop",
            "web",
            "--type",
            "php",
            "--role",
            "web=2",
            "--role",
            "backend=3",
            "--placement",
            "pack");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        Json.createObjectBuilder()
            .add("name", "web")
            .add("type", "php")
            .add("placementPolicy", "pack")
            .add("roles", Json.createObjectBuilder().add("web", 2).add("backend", 3))
            .build(),
        master.onlyRequest().bodyJson());
    assertTrue(result.out().contains("roles:              proxy=1 web=2 backend=3"), result.out());
  }

  @Test
  void createLeavesOutWhatWasNotGiven() {
    master.on("POST", "/api/v1/applications/shop/services", r -> Reply.json(201, SERVICE));

    mec.run("service", "create", "shop", "web", "--type", "php");

    var body = master.onlyRequest().bodyJson();
    assertEquals(2, body.size(), body.toString());
    assertFalse(body.containsKey("roles"));
  }

  @Test
  void startPostsAndReportsTheNewState() {
    master.on(
        "POST", "/api/v1/applications/shop/services/web/start", r -> Reply.json(202, SERVICE));

    var result = mec.run("service", "start", "shop", "web");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("Starting shop/web (state PROLOGUE).\n", result.out());
  }

  @Test
  void listShowsStateRolesAndCode() {
    master.on(
        "GET", "/api/v1/applications/shop/services", r -> Reply.json(200, "[" + SERVICE + "]"));

    var result = mec.run("service", "list", "shop");

    assertEquals(
        "NAME  TYPE  STATE     DESIRED  ROLES                    CODE  ENDPOINT  MESSAGE\n"
            + "web   php   PROLOGUE  RUNNING  proxy=1 web=2 backend=3  -     -         -\n",
        result.out());
  }

  @Test
  void listShowsTheEndpointOfARunningService() {
    master.on(
        "GET",
        "/api/v1/applications/shop/services",
        r -> Reply.json(200, "[" + RUNNING_SERVICE + "]"));

    var result = mec.run("service", "list", "shop");

    assertEquals(
        List.of(
            "NAME  TYPE  STATE    DESIRED  ROLES                    CODE  ENDPOINT"
                + "                 MESSAGE",
            "web   php   RUNNING  RUNNING  proxy=1 web=2 backend=3  2     http://10.77.0.11:20000"
                + "  -"),
        result.out().lines().toList());
  }

  @Test
  void showPrintsWhereUsersReachTheService() {
    master.on(
        "GET", "/api/v1/applications/shop/services/web", r -> Reply.json(200, RUNNING_SERVICE));

    var result = mec.run("service", "show", "shop", "web");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(
        result.out().contains("\nendpoint:           http://10.77.0.11:20000\n"), result.out());
  }

  @Test
  void showSaysThereIsNoEndpointYetWhenTheMasterLeavesItOut() {
    master.on("GET", "/api/v1/applications/shop/services/web", r -> Reply.json(200, SERVICE));

    var result = mec.run("service", "show", "shop", "web");
    var json = mec.run("service", "show", "shop", "web", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().endsWith("\nendpoint:           -\n"), result.out());
    assertEquals(SERVICE + "\n", json.out(), "--json stays the master's answer");
  }

  @Test
  void eventsPassFiltersAndPagingAsQueryParameters() {
    master.on(
        "GET",
        "/api/v1/events",
        r ->
            Reply.json(
                200,
                "{\"items\":[{\"id\":9,\"at\":\"2025-03-01T10:00:00Z\",\"actor\":\"alice\","
                    + "\"action\":\"SERVICE_START\",\"application\":\"shop\",\"service\":\"web\","
                    + "\"outcome\":\"OK\",\"detail\":\"line one\\nline two\"}],"
                    + "\"page\":1,\"size\":1,\"total\":3}"));

    var result =
        mec.run("events", "--app", "shop", "--service", "web", "--page", "1", "--size", "1");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("application=shop&service=web&page=1&size=1", master.onlyRequest().query());
    assertEquals(
        "AT                    ACTOR  ACTION         TARGET    OUTCOME  DETAIL\n"
            + "2025-03-01T10:00:00Z  alice  SERVICE_START  shop/web  OK       line one line two\n",
        result.out());
    assertEquals("page 1 of 2 (0-based), 3 events in all\n", result.err());
  }

  @Test
  void catalogDescribesOneTypeWithItsRoles() {
    master.on(
        "GET",
        "/api/v1/catalog/php",
        r ->
            Reply.json(
                200,
                "{\"name\":\"php\",\"title\":\"PHP web hosting\",\"description\":\"nginx\","
                    + "\"roles\":[{\"name\":\"web\",\"description\":\"nginx\",\"min\":1,"
                    + "\"max\":16,\"startCount\":1}],\"codeFormats\":[\"zip\",\"tar.gz\"]}"));

    var result = mec.run("catalog", "php");

    assertEquals(
        "type:          php\n"
            + "title:         PHP web hosting\n"
            + "description:   nginx\n"
            + "code formats:  zip,tar.gz\n"
            + "\n"
            + "ROLE  MIN  MAX  START  DESCRIPTION\n"
            + "web   1    16   1      nginx\n",
        result.out());
  }

  @Test
  void revokingTheCurrentTokenLogsOut() {
    master.on("DELETE", "/api/v1/auth/tokens/tok-1", r -> Reply.noContent());

    var result = mec.run("token", "revoke", "tok-1");

    assertEquals(0, result.exitCode(), result.err());
    assertFalse(mec.store().load().isLoggedIn());
  }

  @Test
  void userRolesAreCheckedBeforeAnyRequest() {
    var result = mec.run("user", "create", "bob", "--role", "superuser");

    assertEquals(2, result.exitCode());
    assertTrue(master.requests().isEmpty());
  }
}

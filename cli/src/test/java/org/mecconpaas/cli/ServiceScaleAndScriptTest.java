package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class ServiceScaleAndScriptTest {

  private static final String SERVICE_PATH = "/api/v1/applications/shop/services/web";
  private static final String SCALED =
      "{\"name\":\"web\",\"application\":\"shop\",\"type\":\"php\",\"state\":\"ADAPTING\","
          + "\"desiredState\":\"RUNNING\",\"phaseMessage\":\"placing 2 instances\","
          + "\"placementPolicy\":\"spread\",\"roles\":{\"proxy\":1,\"web\":3,\"backend\":1},"
          + "\"generation\":4,\"activeCodeVersion\":2}";

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
  void scaleSendsTheRoleCountsAndPrintsTheServiceWithItsRoles() {
    master.on("POST", SERVICE_PATH + "/scale", r -> Reply.json(202, SCALED));

    var result = mec.run("service", "scale", "shop", "web", "web=3", "backend=1");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals(
        Json.createObjectBuilder()
            .add("roles", Json.createObjectBuilder().add("web", 3).add("backend", 1))
            .build(),
        request.bodyJson());
    assertTrue(request.header("Content-Type").startsWith("application/json"));
    assertTrue(
        result.out().startsWith("Scaling shop/web (state ADAPTING).\n"), "got: " + result.out());
    assertTrue(
        result.out().contains("roles:              proxy=1 web=3 backend=1\n"), result.out());
  }

  @Test
  void scaleWithJsonPrintsTheServiceUnchanged() {
    master.on("POST", SERVICE_PATH + "/scale", r -> Reply.json(202, SCALED));

    var result = mec.run("service", "scale", "shop", "web", "web=0", "--json");

    assertEquals(SCALED + "\n", result.out());
    assertEquals("{\"roles\":{\"web\":0}}", master.onlyRequest().bodyText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"web", "web=", "=3", "web=three", "web=-1", "web=1.5", "web:3"})
  void malformedRoleCountIsAUsageErrorAndSendsNothing(String argument) {
    var result = mec.run("service", "scale", "shop", "web", "backend=1", argument);

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(
        result.err().startsWith("invalid ROLE=N '" + argument + "': "), "got: " + result.err());
    assertTrue(result.err().contains("Usage: mec service scale"), result.err());
    assertTrue(master.requests().isEmpty(), master.requests().toString());
  }

  @Test
  void aRoleGivenTwiceIsAUsageError() {
    var result = mec.run("service", "scale", "shop", "web", "web=1", "web=2");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("role web is given more than once"), result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void scaleNeedsAtLeastOneRole() {
    var result = mec.run("service", "scale", "shop", "web");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void scaleBeyondTheCatalogShowsTheMastersReason() {
    master.on(
        "POST",
        SERVICE_PATH + "/scale",
        r ->
            Reply.problem(
                422,
                "the roles are invalid",
                "[{\"field\":\"roles.web\",\"message\":\"must be between 1 and 16\"}]"));

    var result = mec.run("service", "scale", "shop", "web", "web=40");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: the roles are invalid\n  roles.web: must be between 1 and 16\n", result.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "interrupt", "cleanup"})
  void scriptsPostWithoutBodyToTheirPath(String script) {
    master.on("POST", SERVICE_PATH + "/scripts/" + script, r -> Reply.json(202, SCALED));

    var result = mec.run("service", script, "shop", "web");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("POST", request.method());
    assertEquals(0, request.body().length);
    assertEquals("Running " + script + ".sh on the instances of shop/web.\n", result.out());
  }

  @Test
  void aRefusedScriptPrintsTheDetailAndExitsWithOne() {
    master.on(
        "POST",
        SERVICE_PATH + "/scripts/run",
        r -> Reply.problem(409, "a script is still running; interrupt it first"));

    var result = mec.run("service", "run", "shop", "web");

    assertEquals(1, result.exitCode());
    assertEquals("error: a script is still running; interrupt it first\n", result.err());
    assertEquals("", result.out());
  }
}

package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class ErrorReportingTest {

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
  void problemDetailOfA404IsPrintedAndExitsWithOne() {
    master.on(
        "GET",
        "/api/v1/applications/nope",
        r -> Reply.problem(404, "application nope does not exist"));

    var result = mec.run("app", "show", "nope");

    assertEquals(1, result.exitCode());
    assertEquals("error: application nope does not exist\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void validationErrorsAreListedPerField() {
    master.on(
        "POST",
        "/api/v1/applications/shop/services",
        r ->
            Reply.problem(
                422,
                "the service is invalid",
                "[{\"field\":\"roles.web\",\"message\":\"must be between 1 and 16\"},"
                    + "{\"field\":\"type\",\"message\":\"unknown type\"}]"));

    var result = mec.run("service", "create", "shop", "web", "--type", "php", "--role", "web=40");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: the service is invalid\n"
            + "  roles.web: must be between 1 and 16\n"
            + "  type: unknown type\n",
        result.err());
  }

  @Test
  void serverErrorsExitWithTwo() {
    master.on("GET", "/api/v1/applications", r -> Reply.problem(503, "database is down"));

    var result = mec.run("app", "list");

    assertEquals(2, result.exitCode());
    assertEquals("error: database is down\n", result.err());
  }

  @Test
  void errorWithoutProblemBodyShowsTheStatus() {
    master.on(
        "GET",
        "/api/v1/applications",
        r -> new Reply(502, "text/html", Map.of(), "<html>proxy</html>".getBytes()));

    var result = mec.run("app", "list");

    assertEquals(2, result.exitCode());
    assertEquals("error: HTTP 502 Bad Gateway\n", result.err());
  }

  @Test
  void rejectedTokenSuggestsLoggingInAgain() {
    master.on("GET", "/api/v1/applications", r -> Reply.problem(401, "token expired"));

    var result = mec.run("app", "list");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().startsWith("error: token expired\n"), result.err());
    assertTrue(result.err().contains("mec login"), result.err());
  }

  @Test
  void unreachableMasterExitsWithTwo() {
    master.close();

    var result = mec.run("app", "list");

    assertEquals(2, result.exitCode());
    assertTrue(
        result.err().startsWith("error: cannot reach the master at " + master.url()), result.err());
  }

  @Test
  void notLoggedInSaysHowToLogIn() {
    var fresh = new MecRunner(temp.resolve("other"));

    var result = fresh.run("app", "list");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: not logged in; run 'mec login --url URL --username NAME' first\n", result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void usageErrorsKeepPicocliExitCodeAndSendNothing() {
    var missingName = mec.run("app", "create");
    var missingVerb = mec.run("app");

    assertEquals(CommandLine.ExitCode.USAGE, missingName.exitCode());
    assertTrue(missingName.err().contains("Missing required parameter: 'NAME'"), missingName.err());
    assertEquals(CommandLine.ExitCode.USAGE, missingVerb.exitCode());
    assertTrue(missingVerb.err().contains("Missing required subcommand"), missingVerb.err());
    assertTrue(master.requests().isEmpty());
  }
}

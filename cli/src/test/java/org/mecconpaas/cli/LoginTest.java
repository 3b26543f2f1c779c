package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import org.mecconpaas.cli.config.CliConfig;

class LoginTest {

  private static final String TOKEN_ANSWER =
      "{\"id\":\"tok-42\",\"name\":\"laptop\",\"token\":\"mec_s3cr3t\","
          + "\"createdAt\":\"2025-01-01T00:00:00Z\",\"expiresAt\":\"2025-01-31T00:00:00Z\"}";

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster().on("POST", "/api/v1/auth/tokens", r -> Reply.json(201, TOKEN_ANSWER));
    mec = new MecRunner(temp);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void loginSendsTheCredentialsAndSavesTheTokenReadableByTheOwnerOnly() throws Exception {
    var result =
        mec.stdin("correct horse battery\n")
            .run("login", "--url", master.url() + "/", "--username", "alice", "--password-stdin");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("Logged in to " + master.url() + " as alice"), result.out());
    JsonObject sent = master.onlyRequest().bodyJson();
    assertEquals("alice", sent.getString("username"));
    assertEquals("correct horse battery", sent.getString("password"));
    assertNull(master.onlyRequest().header("Authorization"), "login must not send a token");

    CliConfig saved = mec.store().load();
    assertEquals(new CliConfig(master.url(), "alice", "mec_s3cr3t", "tok-42"), saved);
    var file = mec.store().file();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(mec.configDirectory())));
    assertFalse(
        Files.readString(file).contains("correct horse"), "the password must never be saved");
  }

  @Test
  void loginPromptsForThePasswordWhenNotGivenOnStdin() {
    var result =
        mec.prompt(prompt -> "typed-password".toCharArray())
            .run("login", "--url", master.url(), "-u", "alice");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("typed-password", master.onlyRequest().bodyJson().getString("password"));
  }

  @Test
  void loginWithoutTerminalOrStdinFlagExplainsHowToPassThePassword() {
    var result = mec.run("login", "--url", master.url(), "-u", "alice");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("--password-stdin"), result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void jsonLoginPrintsTheAnswerWithoutTheSecret() {
    var result =
        mec.stdin("pw\n")
            .run("--json", "login", "--url", master.url(), "-u", "alice", "--password-stdin");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("\"id\":\"tok-42\""), result.out());
    assertFalse(result.out().contains("mec_s3cr3t"), result.out());
    assertEquals("mec_s3cr3t", mec.store().load().token());
  }

  @Test
  void wrongPasswordShowsTheMastersDetailAndSavesNothing() {
    master.on("POST", "/api/v1/auth/tokens", r -> Reply.problem(401, "bad username or password"));

    var result =
        mec.stdin("nope\n").run("login", "--url", master.url(), "-u", "alice", "--password-stdin");

    assertEquals(1, result.exitCode());
    assertEquals("error: bad username or password\n", result.err());
    assertFalse(Files.exists(mec.store().file()));
  }

  @Test
  void logoutRevokesTheTokenOnTheMasterAndForgetsIt() {
    master.on("DELETE", "/api/v1/auth/tokens/tok-1", r -> Reply.noContent());
    mec.loggedInTo(master);

    var result = mec.run("logout");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("Bearer secret-token", master.onlyRequest().header("Authorization"));
    CliConfig saved = mec.store().load();
    assertFalse(saved.isLoggedIn());
    assertEquals(master.url(), saved.url(), "the URL stays for the next login");
  }

  @Test
  void logoutKeepsTheTokenWhenTheMasterCannotBeReached() {
    mec.loggedInTo(master);
    master.close();

    var result = mec.run("logout");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: cannot reach the master"), result.err());
    assertTrue(mec.store().load().isLoggedIn());
  }
}

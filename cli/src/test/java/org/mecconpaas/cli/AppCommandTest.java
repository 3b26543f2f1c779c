package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class AppCommandTest {

  private static final String APPS =
      "[{\"name\":\"shop\",\"description\":\"web shop\",\"createdAt\":\"2025-03-01T10:00:00Z\","
          + "\"services\":2},"
          + "{\"name\":\"telemetry-ingest\",\"description\":null,"
          + "\"createdAt\":\"2025-03-02T11:30:00Z\",\"services\":10}]";

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster().on("GET", "/api/v1/applications", r -> Reply.json(200, APPS));
    mec = new MecRunner(temp).loggedInTo(master);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void listPrintsAnAlignedTable() {
    var result = mec.run("app", "list");

    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(
        List.of(
            "NAME              SERVICES  CREATED               DESCRIPTION",
            "shop              2         2025-03-01T10:00:00Z  web shop",
            "telemetry-ingest  10        2025-03-02T11:30:00Z  -"),
        lines);
    assertEquals("Bearer secret-token", master.onlyRequest().header("Authorization"));
  }

  @Test
  void jsonPrintsTheMastersAnswerUnchangedWhereverTheOptionStands() {
    var before = mec.run("--json", "app", "list");
    var after = mec.run("app", "list", "--json");

    assertEquals(0, before.exitCode(), before.err());
    assertEquals(APPS + "\n", before.out());
    assertEquals(APPS + "\n", after.out());
  }

  @Test
  void createSendsNameAndDescription() {
    master.on(
        "POST", "/api/v1/applications", r -> Reply.json(201, "{\"name\":\"shop\",\"services\":0}"));

    var result = mec.run("app", "create", "shop", "--description", "web shop");

    assertEquals(0, result.exitCode(), result.err());
    var body = master.onlyRequest().bodyJson();
    assertEquals("shop", body.getString("name"));
    assertEquals("web shop", body.getString("description"));
    assertEquals("Created application shop.\n", result.out());
  }

  @Test
  void renameSendsAPatchWithTheNewName() {
    master.on(
        "PATCH",
        "/api/v1/applications/shop",
        r -> Reply.json(200, "{\"name\":\"store\",\"services\":2}"));

    var result = mec.run("app", "rename", "shop", "store");

    assertEquals(0, result.exitCode(), result.err());
    var request = master.onlyRequest();
    assertEquals("PATCH", request.method());
    assertEquals("store", request.bodyJson().getString("name"));
    assertEquals("Bearer secret-token", request.header("Authorization"));
  }

  @Test
  void showListsEveryFieldOfTheApplication() {
    master.on(
        "GET",
        "/api/v1/applications/shop",
        r -> Reply.json(200, "{\"name\":\"shop\",\"description\":\"web shop\",\"services\":2}"));

    var result = mec.run("app", "show", "shop");

    assertEquals("name:         shop\ndescription:  web shop\nservices:     2\n", result.out());
  }

  @Test
  void deleteConfirmsAndPrintsNothingWithJson() {
    master.on("DELETE", "/api/v1/applications/shop", r -> Reply.noContent());

    var human = mec.run("app", "delete", "shop");
    var script = mec.run("--json", "app", "delete", "shop");

    assertEquals(0, human.exitCode(), human.err());
    assertEquals("Deleted application shop.\n", human.out());
    assertEquals(0, script.exitCode(), script.err());
    assertEquals("", script.out());
  }
}

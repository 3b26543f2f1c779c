package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class ClientCommandTest {

  // FakeClock.START is 2025-03-01T10:00:00Z.
  private static final String PAGE =
      "{\"items\":["
          + "{\"id\":\"c01\",\"node\":\"n2\",\"associatedAt\":\"2025-03-01T09:59:30Z\","
          + "\"latitude\":52.1601,\"longitude\":4.4902,\"firstSeenAt\":\"2025-03-01T09:00:00Z\"},"
          + "{\"id\":\"aa:bb:cc:dd:ee:ff\",\"firstSeenAt\":\"2025-03-01T09:00:00Z\"}],"
          + "\"page\":0,\"size\":2,\"total\":5}";

  private static final String C01 =
      "{\"id\":\"c01\",\"node\":\"n2\",\"associatedAt\":\"2025-03-01T09:59:30Z\","
          + "\"history\":{\"items\":["
          + "{\"node\":\"n2\",\"from\":\"2025-03-01T09:59:30Z\"},"
          + "{\"node\":\"n1\",\"from\":\"2025-03-01T09:00:00Z\",\"to\":\"2025-03-01T09:59:30Z\"}],"
          + "\"page\":0,\"size\":50,\"total\":2}}";

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
  void listShowsEachClientsAccessPointAndSaysWhenThereIsMore() {
    master.on("GET", "/api/v1/clients", r -> Reply.json(200, PAGE));

    var result = mec.run("client", "list", "--size", "2");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("size=2", master.onlyRequest().query());
    assertEquals("Bearer secret-token", master.onlyRequest().header("Authorization"));
    assertEquals(
        List.of(
            "ID                 NODE  ASSOCIATED  POSITION",
            "c01                n2    30s ago     52.1601,4.4902",
            "aa:bb:cc:dd:ee:ff  -     -           -",
            "2 of 5 clients (page 0); see more with --page."),
        result.out().lines().toList());
  }

  @Test
  void showPrintsTheClientThenItsHistory() {
    master.on("GET", "/api/v1/clients/c01", r -> Reply.json(200, C01));

    var result = mec.run("client", "show", "c01");

    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).matches("id:?\\s+c01"), lines.get(0));
    assertTrue(lines.contains("NODE  FROM                  TO"), result.out());
    assertTrue(lines.contains("n2    2025-03-01T09:59:30Z  (now)"), result.out());
    assertTrue(lines.contains("n1    2025-03-01T09:00:00Z  2025-03-01T09:59:30Z"), result.out());
  }

  @Test
  void anUnknownClientIsTheMastersRefusal() {
    master.on("GET", "/api/v1/clients/c99", r -> Reply.problem(404, "client c99 not found"));

    var result = mec.run("client", "show", "c99");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("client c99 not found"), result.err());
  }

  @Test
  void jsonIsTheMastersAnswerUnchanged() {
    master.on("GET", "/api/v1/clients/c01", r -> Reply.json(200, C01));

    var result = mec.run("client", "show", "c01", "--json");

    assertEquals(C01 + "\n", result.out());
  }
}

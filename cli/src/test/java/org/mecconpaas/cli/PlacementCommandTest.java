package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;
import picocli.CommandLine;

class PlacementCommandTest {

  private static final String PLACEMENT = "/api/v1/applications/shop/services/web/placement";

  private static final String NEAR =
      "{\"policy\":\"near\",\"near\":{\"latitude\":52.16,\"longitude\":4.49,"
          + "\"radiusMeters\":300.0},\"nodeLabels\":[\"outdoor\",\"gpu\"]}";

  private static final String N2 =
      "{\"name\":\"n2\",\"state\":\"UP\",\"labels\":[\"gpu\",\"outdoor\"]}";

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

  /** {@code mec service placement shop web OPTIONS...} */
  private MecRunner.Result placementOfShopWeb(String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("service", "placement", "shop", "web"));
    args.addAll(List.of(options));
    return mec.run(args.toArray(String[]::new));
  }

  @Test
  void withoutOptionsPlacementShowsThePolicyAndItsConstraints() {
    master.on("GET", PLACEMENT, r -> Reply.json(200, NEAR));

    var result = placementOfShopWeb();

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("GET", master.onlyRequest().method());
    assertEquals(
        List.of(
            "policy:                 near",
            "near:                   52.16,4.49 within 300 m",
            "maxUserDistanceMeters:  -",
            "nodeLabels:             outdoor,gpu",
            "users:                  -"),
        result.out().lines().toList());
  }

  @Test
  void aPlacementWithoutConstraintsShowsDashes() {
    master.on("GET", PLACEMENT, r -> Reply.json(200, "{\"policy\":\"spread\",\"nodeLabels\":[]}"));

    var result = placementOfShopWeb();

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("near:                   -\n"), result.out());
    assertTrue(result.out().contains("nodeLabels:             -\n"), result.out());
    assertTrue(result.out().endsWith("users:                  -\n"), result.out());
  }

  @Test
  void placementWithJsonPrintsTheAnswerUnchanged() {
    master.on("GET", PLACEMENT, r -> Reply.json(200, NEAR));

    var result = placementOfShopWeb("--json");

    assertEquals(NEAR + "\n", result.out());
  }

  @Test
  void policyPutsTheWholePlacementWithEveryOptionGiven() {
    master.on("PUT", PLACEMENT, r -> Reply.json(200, NEAR));

    var result =
        placementOfShopWeb(
            "--policy", "near", "--near", "52.16,4.49,300", "--label", "outdoor", "--label", "gpu");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("PUT", request.method());
    assertTrue(request.header("Content-Type").startsWith("application/json"));
    assertEquals(
        "{\"near\":{\"latitude\":52.16,\"longitude\":4.49,\"radiusMeters\":300.0},"
            + "\"nodeLabels\":[\"outdoor\",\"gpu\"],\"policy\":\"near\"}",
        request.bodyText());
    assertTrue(result.out().startsWith("Placement of shop/web set.\npolicy:  "), result.out());
  }

  @Test
  void optionsNotGivenAreSentAsAbsent() {
    master.on("PUT", PLACEMENT, r -> Reply.json(200, "{\"policy\":\"near-users\"}"));

    var result =
        placementOfShopWeb("--policy", "near-users", "--max-user-distance", "300", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "{\"maxUserDistanceMeters\":300.0,\"policy\":\"near-users\"}",
        master.onlyRequest().bodyText());
    assertEquals("{\"policy\":\"near-users\"}\n", result.out());
  }

  @Test
  void usersAreSentAndShown() {
    master.on(
        "PUT",
        PLACEMENT,
        r ->
            Reply.json(
                200,
                "{\"policy\":\"near-users\",\"maxUserDistanceMeters\":100.0,"
                    + "\"nodeLabels\":[],\"users\":[\"c07\",\"walker\"]}"));

    var result =
        placementOfShopWeb(
            "--policy",
            "near-users",
            "--max-user-distance",
            "100",
            "--user",
            "walker",
            "--user",
            "c07");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "{\"maxUserDistanceMeters\":100.0,\"policy\":\"near-users\",\"users\":[\"walker\",\"c07\"]}",
        master.onlyRequest().bodyText());
    assertTrue(
        result.out().contains("users:") && result.out().contains("c07,walker"), result.out());
  }

  @Test
  void aNearPointWithoutRadiusLeavesTheRadiusToTheMaster() {
    master.on("PUT", PLACEMENT, r -> Reply.json(200, NEAR));

    placementOfShopWeb("--policy", "near", "--near", "52.16, -4.49");

    assertEquals(
        "{\"near\":{\"latitude\":52.16,\"longitude\":-4.49},\"policy\":\"near\"}",
        master.onlyRequest().bodyText());
  }

  @Test
  void constraintsWithoutPolicyAreAUsageErrorSinceThePutReplacesEverything() {
    var result = placementOfShopWeb("--label", "outdoor");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("give --policy too"), result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void theHelpSaysThatSettingReplacesTheWholePlacement() {
    var result = mec.run("service", "placement", "--help");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("replaces the whole placement"), result.out());
  }

  @Test
  void aMalformedPointIsAUsageErrorAndSendsNothing() {
    var result = placementOfShopWeb("--policy", "near", "--near", "52.16");

    assertEquals(CommandLine.ExitCode.USAGE, result.exitCode());
    assertTrue(result.err().contains("'52.16' is not LAT,LON[,RADIUS_M]"), result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void aRefusedPlacementShowsEveryFieldErrorAndExitsWithOne() {
    master.on(
        "PUT",
        PLACEMENT,
        r ->
            Reply.problem(
                422,
                "the placement is invalid",
                "[{\"field\":\"near\",\"message\":\"latitude must be within -90..90\"},"
                    + "{\"field\":\"placement\",\"message\":\"unknown policy nearest\"}]"));

    var result = placementOfShopWeb("--policy", "nearest", "--near", "95,4");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: the placement is invalid\n"
            + "  near: latitude must be within -90..90\n"
            + "  placement: unknown policy nearest\n",
        result.err());
    assertEquals("", result.out());
  }

  @Test
  void placementOfAnUnknownServiceExitsWithOne() {
    master.on("GET", PLACEMENT, r -> Reply.problem(404, "service web not found"));

    var result = placementOfShopWeb();

    assertEquals(1, result.exitCode());
    assertEquals("error: service web not found\n", result.err());
  }

  @Test
  void nodeLabelPutsTheLabelsAndSaysWhatTheNodeHasNow() {
    master.on("PUT", "/api/v1/nodes/n2/labels", r -> Reply.json(200, N2));

    var result = mec.run("node", "label", "n2", "outdoor", "gpu");

    assertEquals(0, result.exitCode(), result.err());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("PUT", request.method());
    assertEquals("{\"labels\":[\"outdoor\",\"gpu\"]}", request.bodyText());
    assertEquals("Node n2 is labelled gpu,outdoor.\n", result.out());
  }

  @Test
  void nodeLabelWithoutLabelsClearsThem() {
    master.on(
        "PUT",
        "/api/v1/nodes/n2/labels",
        r -> Reply.json(200, "{\"name\":\"n2\",\"state\":\"UP\",\"labels\":[]}"));

    var result = mec.run("node", "label", "n2");
    var json = mec.run("node", "label", "n2", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("{\"labels\":[]}", master.requests().get(0).bodyText());
    assertEquals("Node n2 has no labels.\n", result.out());
    assertEquals("{\"name\":\"n2\",\"state\":\"UP\",\"labels\":[]}\n", json.out());
  }

  @Test
  void badLabelsAreRefusedWithTheirFieldAndExitOne() {
    master.on(
        "PUT",
        "/api/v1/nodes/n2/labels",
        r ->
            Reply.problem(
                422,
                "the labels are invalid",
                "[{\"field\":\"labels\",\"message\":\"'Out Door' is not a label\"}]"));

    var result = mec.run("node", "label", "n2", "Out Door");

    assertEquals(1, result.exitCode());
    assertEquals(
        "error: the labels are invalid\n  labels: 'Out Door' is not a label\n", result.err());
  }
}

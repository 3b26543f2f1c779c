package org.mecconpaas.it.mobility;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The end-to-end case: on an emulated edge of 6 nodes, the example scenario {@code
 * examples/experiments/walk.yaml} (one client walking n1 -> n2 -> n3 along a trace, the echo
 * service placed near its users with follow-me beyond 100 m) is run with the real CLI. The client
 * keeps being served, its serving instance moves with it (follow-me migrations DONE, the serving
 * node changes to the access point it walked to) and not one request fails, migrations included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowMeIT {
  private static final Duration SETTLE = Duration.ofSeconds(120);
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  private MasterSetup setup;
  private RunningMaster master;
  private Path workDir;

  @BeforeAll
  void startMasterWithSixNodes() throws Exception {
    workDir = MasterSetup.pathProperty("mec.it.work-dir");
    setup = MasterSetup.fresh(MasterSetup.pathProperty("mec.launcher"), workDir);
    master = RunningMaster.start(setup, "--nodes", "6");
    ApiClient admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
    await("six emulated nodes UP")
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                admin.get("/nodes").expect(200).array().stream()
                        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
                        .count()
                    == 6);
  }

  @AfterAll
  void stop() {
    if (master != null) {
      master.close();
    }
  }

  @Test
  void aWalkingClientIsFollowedByItsInstanceWithoutAFailedRequest() throws Exception {
    Path scenario =
        setup.launcher().getParent().resolve("examples/experiments/walk.yaml").normalize();
    Path out = Files.createTempDirectory(workDir, "walk-");
    MecProcess mec = new MecProcess(MasterSetup.pathProperty("mec.cli.jar"), out.resolve("cli"));
    mec.login(master.url(), "admin", setup.adminPassword());

    MecProcess.Result run =
        mec.run(
            RUN_LIMIT,
            null,
            "experiment",
            "run",
            scenario.toString(),
            "--out",
            out.resolve("results").toString());
    assertEquals(0, run.exitCode(), () -> run.describe() + "\nmaster:\n" + master.logTail(60));
    ExperimentResults results = ExperimentResults.read(out.resolve("results"));
    String context = "results in " + out + "\n" + run.stdout();

    List<Map<String, String>> requests = results.requests();
    assertTrue(requests.size() >= 400, "5 requests/s over 140 s, got " + requests.size());
    List<Map<String, String>> failed =
        requests.stream()
            .filter(r -> !r.get("status").equals("200") || !r.get("error").isEmpty())
            .toList();
    assertEquals(List.of(), failed.stream().limit(5).toList(), "no failed request; " + context);

    List<Map<String, String>> done =
        results.migrations().stream()
            .filter(m -> m.get("state").equals("DONE") && m.get("trigger").equals("follow-me"))
            .toList();
    assertTrue(done.size() >= 2, "n1 -> n2 -> n3 takes two follow-me moves at least; " + context);
    assertTrue(
        results.migrations().stream().noneMatch(m -> m.get("state").equals("ROLLED_BACK")),
        context);
    assertEquals(0, results.service("echo").getInt("failedDuringMigrations"), context);

    List<String> servedBy = servingNodes(requests);
    assertTrue(
        servedBy.indexOf("n2") >= 0 && servedBy.lastIndexOf("n3") > servedBy.indexOf("n2"),
        "served from n2, then from n3: " + servedBy + "; " + context);
    List<Map<String, String>> last = requests.subList(requests.size() - 50, requests.size());
    assertTrue(
        last.stream()
            .allMatch(
                r -> r.get("access_point").equals("n3") && r.get("serving_node").equals("n3")),
        "at the end the walker is at n3 and served there: " + last.get(0) + "; " + context);
  }

  /** The serving node of each request in time order, repeats collapsed. */
  private static List<String> servingNodes(List<Map<String, String>> requests) {
    List<String> nodes = new ArrayList<>();
    for (Map<String, String> r : requests) {
      String node = r.get("serving_node");
      if (!node.isEmpty() && (nodes.isEmpty() || !nodes.get(nodes.size() - 1).equals(node))) {
        nodes.add(node);
      }
    }
    return nodes;
  }
}

package org.mecconpaas.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mecconpaas.it.ApiClient.Answer;

/**
 * The real master with an emulated edge of three nodes (process runtime): a generic service whose
 * run.sh serves HTTP is deployed, reached, scaled to three instances (notify.sh sees all three),
 * survives the loss of a node, and survives the master being killed with SIGKILL without any
 * container being recreated. The steps build on each other, hence the fixed order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class EdgeIT {
  private static final String DEV_PASSWORD = "edge password 123";
  private static final String SERVICE = "/applications/lab/services/web";
  private static final Duration SETTLE = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newHttpClient();
  private MasterSetup setup;
  private RunningMaster master;
  private ApiClient admin;
  private ApiClient dev;

  /** The container runtime of the emulated nodes; subclasses run the same steps on another one. */
  protected String runtime() {
    return "process";
  }

  /**
   * Skips the class (JUnit assumptions) where its runtime cannot work; the process one always can.
   */
  protected void assumeRuntimeWorks() {}

  @BeforeAll
  void startMasterWithEdge() throws Exception {
    assumeRuntimeWorks();
    setup =
        MasterSetup.fresh(
            MasterSetup.pathProperty("mec.launcher"), MasterSetup.pathProperty("mec.it.work-dir"));
    master = RunningMaster.start(setup, "--nodes", "3", "--runtime", runtime());
    signIn();
    await("three emulated nodes UP")
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> nodesInState("UP") == 3);
  }

  private void signIn() throws Exception {
    admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
    if (dev == null) {
      admin
          .post(
              "/users",
              Json.createObjectBuilder()
                  .add("username", "edgy")
                  .add("role", "DEVELOPER")
                  .add("password", "edge password 123")
                  .build())
          .expect(201);
    }
    dev = ApiClient.anonymous(master.api()).login("edgy", "edge password 123");
  }

  @AfterAll
  void stop() throws IOException {
    EmulatedEdgeProcess.stopMasterAndEdge(master, setup);
  }

  @Test
  @Order(1)
  void aGenericServiceIsDeployedStartedAndReachable() throws Exception {
    dev.post("/applications", Json.createObjectBuilder().add("name", "lab").build()).expect(201);
    dev.post(
            "/applications/lab/services",
            Json.createObjectBuilder().add("name", "web").add("type", "generic").build())
        .expect(201);
    dev.upload(SERVICE + "/code", "web.zip", bundle("v1")).expect(201);
    dev.post(SERVICE + "/start", null).expect(202);
    awaitRunning(1);
    dev.post(SERVICE + "/scripts/run", null).expect(202);
    JsonObject first = instances().get(0);
    await("run.sh serves HTTP")
        .atMost(SETTLE)
        .ignoreExceptions()
        .until(() -> fetch(first, "init.out").contains("init v1 master"));
    assertTrue(fetch(first, "init.out").contains(first.getString("address")), "MY_IP was set");
    await("run.sh's output reaches the master with the next heartbeats")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                dev.text(SERVICE + "/instances/" + first.getString("name") + "/logs/stdout")
                    .expect(200)
                    .body()
                    .contains("serving"));
  }

  @Test
  @Order(2)
  void scalingToThreeNotifiesEveryMemberAndRefusesWhatCannotBeDone() throws Exception {
    dev.post(SERVICE + "/scale", scale(2)).expect(202);
    awaitRunning(3);
    JsonObject masterInstance = instance("master").orElseThrow();
    await("notify.sh saw three agents")
        .atMost(SETTLE)
        .ignoreExceptions()
        .until(() -> agentsIn(fetch(masterInstance, "agents.json")) == 3);
    assertEquals(409, dev.post(SERVICE + "/scripts/run", null).status(), "run.sh still runs");
    assertEquals(422, dev.post(SERVICE + "/scale", scale(99)).status(), "beyond the catalog");
    Answer beyondCapacity = dev.post(SERVICE + "/scale", scale(20));
    assertEquals(422, beyondCapacity.status(), "beyond the nodes' capacity");
    assertTrue(beyondCapacity.body().contains("capacity"), beyondCapacity.body());
    assertEquals(2, dev.get(SERVICE).expect(200).object().getJsonObject("roles").getInt("node"));
    assertEquals(3, instances().size(), "nothing half-created");
  }

  @Test
  @Order(3)
  void aNewCodeVersionRollsToEveryInstance() throws Exception {
    dev.upload(SERVICE + "/code", "web-2.zip", bundle("v2")).expect(201);
    dev.post(SERVICE + "/code/2/enable", null).expect(200);
    await("every instance on version 2")
        .atMost(SETTLE)
        .until(
            () ->
                instances().stream()
                    .allMatch(
                        i ->
                            i.containsKey("codeVersion")
                                && i.getInt("codeVersion") == 2
                                && i.getString("state").equals("RUNNING")));
    dev.post(SERVICE + "/scripts/run", null).expect(202);
    for (JsonObject instance : instances()) {
      await("version 2 serves on " + instance.getString("name"))
          .atMost(SETTLE)
          .ignoreExceptions()
          .until(() -> fetch(instance, "init.out").contains("init v2"));
    }
  }

  @Test
  @Order(4)
  void anAgentCutOffFor30SecondsRecreatesNothingWhenItReturns() throws Exception {
    JsonObject isolated = instance("node").orElseThrow();
    String node = isolated.getString("node");
    ProcessHandle agent = agentOf(node);
    List<JsonObject> others =
        instances().stream().filter(i -> !i.getString("node").equals(node)).toList();
    List<String> pidsBefore = new ArrayList<>();
    for (JsonObject other : others) {
      pidsBefore.add(fetch(other, "run.pid").trim());
    }
    EdgeLink.cut(node, agent, true);
    try {
      await("cut-off node DOWN")
          .atMost(Duration.ofSeconds(20))
          .until(() -> nodeState(node).equals("DOWN"));
      Thread.sleep(Duration.ofSeconds(30).toMillis()); // the outage the issue asks for
    } finally {
      EdgeLink.cut(node, agent, false);
    }
    await("node back UP").atMost(SETTLE).until(() -> nodeState(node).equals("UP"));
    assertTrue(agent.isAlive(), "the agent rode out the outage");
    awaitRunning(3);
    List<String> pidsAfter = new ArrayList<>();
    for (JsonObject other : others) {
      pidsAfter.add(fetch(other, "run.pid").trim());
    }
    assertEquals(pidsBefore, pidsAfter, "instances on the other nodes were not recreated");
  }

  @Test
  @Order(5)
  void aKilledNodeIsNoticedAndItsInstanceComesBackElsewhere() throws Exception {
    JsonObject victim = instance("node").orElseThrow();
    String lostNode = victim.getString("node");
    agentOf(lostNode).destroyForcibly();
    long killedAt = System.nanoTime();
    await("node DOWN")
        .atMost(Duration.ofSeconds(20))
        .until(() -> nodeState(lostNode).equals("DOWN"));
    Duration detection = Duration.ofNanos(System.nanoTime() - killedAt);
    assertTrue(detection.toSeconds() <= 15, "detected in " + detection);
    await("instance re-created on another node")
        .atMost(SETTLE)
        .until(
            () ->
                instances().stream()
                    .filter(i -> i.getString("name").equals(victim.getString("name")))
                    .anyMatch(
                        i ->
                            !i.getString("node").equals(lostNode)
                                && i.getString("state").equals("RUNNING")));
    awaitRunning(3);
  }

  @Test
  @Order(6)
  void aMasterStoppedWithSigtermComesBackToTheSameContainers() throws Exception {
    restartAfter(ProcessHandle::destroy, "master-2.log");
  }

  @Test
  @Order(7)
  void aMasterKilledWithSigkillComesBackToTheSameContainers() throws Exception {
    restartAfter(ProcessHandle::destroyForcibly, "master-3.log");
  }

  /** Ends the master's JVM (not the launcher), starts a new master on the same data. */
  private void restartAfter(java.util.function.Consumer<ProcessHandle> end, String log)
      throws Exception {
    JsonObject before = instance("master").orElseThrow();
    // an instance re-created by the previous step starts run.sh only once it runs
    await("run.sh of " + before.getString("name") + " serves")
        .atMost(SETTLE)
        .ignoreExceptions()
        .until(() -> !fetch(before, "run.pid").isBlank());
    String runPid = fetch(before, "run.pid").trim();
    String initRuns = fetch(before, "init.count").trim();
    ProcessHandle jvm = master.jvm();
    end.accept(jvm);
    await().atMost(Duration.ofSeconds(60)).until(() -> !jvm.isAlive());
    master.abandon(); // its emulated edge runs on, as real boards would
    // the same port: the adopted nodes keep calling the master where they enrolled
    master =
        RunningMaster.startOn(
            master.port(), setup.restart(log), "--nodes", "3", "--runtime", runtime());
    signIn();
    awaitRunning(3);
    JsonObject after = instance("master").orElseThrow();
    assertEquals(before.getString("node"), after.getString("node"));
    // on a loaded machine one request may time out: what counts is the answer, not its speed
    String runPidAfter =
        await("run.sh of " + after.getString("name") + " answers")
            .atMost(SETTLE)
            .ignoreExceptions()
            .until(() -> fetch(after, "run.pid").trim(), pid -> !pid.isBlank());
    assertEquals(runPid, runPidAfter, "run.sh was not started again");
    assertEquals(initRuns, fetch(after, "init.count").trim(), "init.sh did not run again");
  }

  private void awaitRunning(int instances) throws Exception {
    try {
      await("service RUNNING with " + instances + " instance(s)")
          .atMost(SETTLE)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  dev.get(SERVICE).expect(200).object().getString("state").equals("RUNNING")
                      && instances().size() == instances);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          e.getMessage()
              + "\nservice: "
              + dev.get(SERVICE).body()
              + "\ninstances: "
              + dev.get(SERVICE + "/instances").body()
              + "\nnodes: "
              + admin.get("/nodes").body(),
          e);
    }
  }

  private List<JsonObject> instances() throws Exception {
    return dev.get(SERVICE + "/instances").expect(200).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private Optional<JsonObject> instance(String role) throws Exception {
    return instances().stream().filter(i -> i.getString("role").equals(role)).findFirst();
  }

  private long nodesInState(String state) throws Exception {
    return admin.get("/nodes").expect(200).array().stream()
        .filter(n -> n.asJsonObject().getString("state").equals(state))
        .count();
  }

  private String nodeState(String node) throws Exception {
    return admin.get("/nodes/" + node).expect(200).object().getString("state");
  }

  /** The node agent process of an emulated node of this test's edge. */
  private ProcessHandle agentOf(String node) {
    return EmulatedEdgeProcess.agent(setup.dataDir().resolve("edge"), node);
  }

  private String fetch(JsonObject instance, String file) throws Exception {
    URI uri =
        URI.create(
            "http://" + instance.getString("address") + ":" + instance.getInt("port") + "/" + file);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(uri + " answered " + answer.statusCode());
    }
    return answer.body();
  }

  private static int agentsIn(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().size();
    }
  }

  private static JsonObject scale(int nodes) {
    return Json.createObjectBuilder()
        .add("roles", Json.createObjectBuilder().add("node", nodes))
        .build();
  }

  /**
   * The generic bundle: init.sh records its environment and how often it ran, run.sh serves the
   * bundle directory over HTTP on MY_IP:MY_PORT with a one-file Java server (the JDK is in every
   * container; python is not), notify.sh leaves agents.json where it is served.
   */
  private static byte[] bundle(String version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      add(
          zip,
          "init.sh",
          "#!/bin/sh\n"
              + "echo \"init "
              + version
              + " $MY_ROLE $MY_IP $MY_PORT $MASTER_IP\" > init.out\n"
              + "echo $(( $(cat init.count 2>/dev/null || echo 0) + 1 )) > init.count\n");
      add(
          zip,
          "run.sh",
          "#!/bin/sh\necho $$ > run.pid\necho serving\n"
              + "exec java -Xmx24m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 Serve.java \"$MY_IP\""
              + " \"$MY_PORT\"\n");
      add(zip, "Serve.java", FileServer.SOURCE);
      add(zip, "notify.sh", "#!/bin/sh\necho notified\n");
      add(zip, "interrupt.sh", "#!/bin/sh\nkill \"$(cat run.pid)\"\n");
    }
    return bytes.toByteArray();
  }

  private static void add(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

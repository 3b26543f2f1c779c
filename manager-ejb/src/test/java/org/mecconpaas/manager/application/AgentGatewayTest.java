package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.DesiredInstance;
import org.mecconpaas.manager.application.AgentMessages.Enrolled;
import org.mecconpaas.manager.application.AgentMessages.Enrollment;
import org.mecconpaas.manager.application.AgentMessages.LogChunk;
import org.mecconpaas.manager.application.AgentMessages.Member;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Script;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

class AgentGatewayTest extends MasterTestSupport {
  private TestingEdge edge;

  @BeforeEach
  void edge() {
    edge = new TestingEdge(master);
  }

  private Enrolled enroll(Enrollment request) {
    return master.inTransaction(() -> edge.gateway.enroll(request));
  }

  private static Enrollment request(String token, String name) {
    return TestingEdge.enrollment(token, name, 4000, 1024, "10.77.0.11");
  }

  private Enrollment withPosition(String token, Double latitude, Double longitude) {
    return new Enrollment(token, "pi-01", latitude, longitude, 4000, 1024, "10.77.0.11", "lxc");
  }

  private Enrollment withCapacity(String token, Integer cpuMillis, Integer memoryMiB) {
    return new Enrollment(token, "pi-01", 52.0, 4.0, cpuMillis, memoryMiB, "10.77.0.11", "lxc");
  }

  private EnrollmentToken token(String secret) {
    return master.inTransaction(
        () -> master.nodes.tokenByHash(SecretTokens.digest(secret)).orElseThrow());
  }

  // enrollment

  @Test
  void aValidTokenRegistersTheNodeAndItsCredentialIsStoredOnlyAsItsDigest() {
    String token = edge.joinToken(null, null);
    master.clock.advance(Duration.ofMinutes(5));

    Enrolled enrolled =
        enroll(new Enrollment(token, "pi-01", 52.16, -4.49, 4000, 1024, "10.77.0.11", "process"));

    assertEquals("pi-01", enrolled.node());
    assertTrue(enrolled.credential().startsWith("node_"), enrolled.credential());
    assertEquals(TestingEdge.HEARTBEAT_MILLIS, enrolled.heartbeatIntervalMillis());

    Node node = edge.node("pi-01");
    assertEquals(52.16, node.latitude());
    assertEquals(-4.49, node.longitude());
    assertEquals(4000, node.cpuMillis());
    assertEquals(1024, node.memoryMiB());
    assertEquals("10.77.0.11", node.address());
    assertEquals("process", node.runtime());
    assertEquals(NodeState.UP, node.state());
    Duration fiveMinutes = Duration.ofMinutes(5);
    assertEquals(MutableClock.START.plus(fiveMinutes), node.createdAt());
    assertEquals(MutableClock.START.plus(fiveMinutes), node.lastHeartbeatAt());
    assertEquals(MutableClock.START.plus(fiveMinutes), token(token).usedAt());

    Object[] row =
        (Object[])
            master.inTransaction(
                () ->
                    master
                        .em
                        .createNativeQuery("SELECT * FROM nodes WHERE name = 'pi-01'")
                        .getSingleResult());
    String secretPart = enrolled.credential().substring("node_".length());
    for (Object column : row) {
      assertFalse(String.valueOf(column).contains(secretPart), "stored in clear: " + column);
    }
    assertEquals(SecretTokens.digest(enrolled.credential()), node.credentialHash());
    assertEquals(
        node.id(),
        master.inTransaction(() -> edge.gateway.authenticate(enrolled.credential())).id());
    assertTrue(edge.actions().contains("node.enroll"));
  }

  @Test
  void aTokenMadeForANodeNamesItWhenTheAgentSendsNoName() {
    String token = edge.joinToken("pi-07", null);

    assertEquals("pi-07", enroll(request(token, null)).node());
    assertEquals(1, master.countRows("nodes"));
  }

  @Test
  void aWrongTokenIsRefusedAndRegistersNothing() {
    edge.joinToken(null, null);
    for (String wrong : new String[] {"join_not-a-token", "", null}) {
      assertThrows(AuthenticationFailed.class, () -> enroll(request(wrong, "pi-01")));
    }
    assertEquals(0, master.countRows("nodes"));
  }

  @Test
  void aTokenIsGoodForOneNodeOnly() {
    String token = edge.joinToken(null, null);
    enroll(request(token, "pi-01"));

    assertThrows(AuthenticationFailed.class, () -> enroll(request(token, "pi-02")));

    assertEquals(1, master.countRows("nodes"));
    assertTrue(master.inTransaction(() -> master.nodes.byName("pi-02")).isEmpty());
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = edge.joinToken(null, 1);
    String twin = edge.joinToken(null, 1);
    master.clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertEquals("pi-00", enroll(request(twin, "pi-00")).node()); // a second before expiry
    master.clock.advance(Duration.ofSeconds(2));

    assertThrows(AuthenticationFailed.class, () -> enroll(request(token, "pi-01")));

    assertEquals(1, master.countRows("nodes"));
    assertNull(token(token).usedAt());
  }

  @Test
  void aTokenExpiresAtItsExpiryInstant() {
    String token = edge.joinToken(null, 1);
    master.clock.advance(Duration.ofHours(1));

    assertThrows(AuthenticationFailed.class, () -> enroll(request(token, "pi-01")));
    assertEquals(0, master.countRows("nodes"));
  }

  @Test
  void aTokenMadeForANodeRefusesAnotherNameAndStaysUsable() {
    String token = edge.joinToken("pi-01", null);

    RuleViolation violation =
        assertThrows(RuleViolation.class, () -> enroll(request(token, "pi-02")));

    assertEquals("name", violation.errors().get(0).field());
    assertEquals(0, master.countRows("nodes"));
    assertNull(token(token).usedAt());
    assertEquals("pi-01", enroll(request(token, "pi-01")).node());
  }

  @Test
  void aNodeNameMustBeADnsLabel() {
    String token = edge.joinToken(null, null);
    for (String name : new String[] {"Pi-01", "pi_01", "", "-pi"}) {
      RuleViolation violation =
          assertThrows(RuleViolation.class, () -> enroll(request(token, name)), name);
      assertEquals("name", violation.errors().get(0).field());
    }
    // a token for any node needs a name from the agent
    assertThrows(RuleViolation.class, () -> enroll(request(token, null)));
    assertEquals(0, master.countRows("nodes"));
  }

  @Test
  void aPositionOffTheGlobeIsRefusedNamingTheFieldAndStoresNothing() {
    String token = edge.joinToken(null, null);
    Map<String, Enrollment> bad =
        Map.of(
            "latitude", withPosition(token, 90.01, 4.0),
            "longitude", withPosition(token, 52.0, -180.5));
    bad.forEach(
        (field, request) -> {
          RuleViolation violation = assertThrows(RuleViolation.class, () -> enroll(request));
          assertEquals(
              List.of(field),
              violation.errors().stream().map(RuleViolation.FieldError::field).toList());
        });
    assertEquals(
        Set.of("latitude", "longitude"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withPosition(token, null, null)))));
    assertEquals(
        Set.of("latitude", "longitude"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withPosition(token, -91.0, 181.0)))));

    assertEquals(0, master.countRows("nodes"));
    assertNull(token(token).usedAt());
    // the bounds themselves are on the globe
    assertEquals("pi-01", enroll(withPosition(token, -90.0, 180.0)).node());
  }

  @Test
  void aCapacityThatIsNotPositiveIsRefusedNamingTheFieldAndStoresNothing() {
    String token = edge.joinToken(null, null);
    assertEquals(
        Set.of("cpuMillis"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withCapacity(token, 0, 1024)))));
    assertEquals(
        Set.of("cpuMillis"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withCapacity(token, null, 1024)))));
    assertEquals(
        Set.of("memoryMiB"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withCapacity(token, 1000, -1)))));
    assertEquals(
        Set.of("memoryMiB"),
        fields(assertThrows(RuleViolation.class, () -> enroll(withCapacity(token, 1000, null)))));

    assertEquals(0, master.countRows("nodes"));
    assertNull(token(token).usedAt());
    assertEquals("pi-01", enroll(withCapacity(token, 1, 1)).node());
  }

  private static Set<String> fields(RuleViolation violation) {
    return violation.errors().stream()
        .map(RuleViolation.FieldError::field)
        .collect(Collectors.toSet());
  }

  @Test
  void aNameTakenByAnotherNodeIsAConflictAndTheTokenStaysUnused() {
    enroll(request(edge.joinToken(null, null), "pi-01"));
    String second = edge.joinToken(null, null);

    assertThrows(StateConflict.class, () -> enroll(request(second, "pi-01")));

    assertEquals(1, master.countRows("nodes"));
    assertNull(token(second).usedAt());
    assertEquals("pi-02", enroll(request(second, "pi-02")).node());
  }

  // heartbeats

  @Test
  void aHeartbeatWithAnUnknownOrRevokedCredentialIsRefused() {
    String credential = edge.enroll("pi-01", 4000, 1024, "10.77.0.11");
    for (String wrong : new String[] {"node_unknown", "", null, credential + "x"}) {
      assertThrows(AuthenticationFailed.class, () -> edge.heartbeat(wrong));
    }
    Caller admin = edge.admin();
    master.run(() -> master.nodeRegistry.revoke(admin, "pi-01"));

    assertThrows(AuthenticationFailed.class, () -> edge.heartbeat(credential));
    assertThrows(
        AuthenticationFailed.class,
        () -> master.inTransaction(() -> edge.gateway.bundle(credential, 1, 1)));
  }

  @Test
  void aHeartbeatRecordsTheNodesFiguresAndBringsADownNodeBackUp() {
    String credential = edge.enroll("pi-01", 4000, 1024, "10.77.0.11");
    master.clock.advance(Duration.ofSeconds(30));
    List<String> down =
        master.inTransaction(
            () -> edge.reconciler.markSilentNodesDown(edge.settings.nodeDownAfter()));
    assertEquals(List.of("pi-01"), down);
    assertEquals(NodeState.DOWN, edge.node("pi-01").state());

    master.clock.advance(Duration.ofSeconds(1));
    Reply reply = edge.heartbeat(credential);

    Node node = edge.node("pi-01");
    assertEquals(NodeState.UP, node.state());
    assertEquals(MutableClock.START.plusSeconds(31), node.lastHeartbeatAt());
    assertEquals(0.25, node.cpuLoad());
    assertEquals(300, node.memoryUsedMiB());
    assertEquals(TestingEdge.HEARTBEAT_MILLIS, reply.heartbeatIntervalMillis());
    assertEquals(List.of(), reply.instances());
    assertEquals(1, edge.actions().stream().filter("node.up"::equals).count());

    // a node that was up does not come back
    edge.heartbeat(credential);
    assertEquals(1, edge.actions().stream().filter("node.up"::equals).count());
  }

  /** pi-a: batch's master, web's nodes; pi-b: web's master. Batch then stops. */
  private record Layout(String a, String b, Service web, Service batch, CodeVersion code) {}

  private Layout layout() {
    String a = edge.enroll("pi-a", 4000, 4096, "10.77.0.11");
    String b = edge.enroll("pi-b", 4000, 4096, "10.77.0.12");
    long pa = edge.node("pi-a").id();
    long pb = edge.node("pi-b").id();
    Service batch = edge.genericService("batch", 0);
    edge.start("batch");
    place(batch, "master", 0, pa);
    Service web = edge.genericService("web", 2);
    CodeVersion code = edge.upload("web");
    edge.start("web");
    place(web, "master", 0, pb);
    place(web, "node", 0, pa);
    place(web, "node", 1, pa);
    edge.stop("batch"); // wished stopped; the reconcile loop has not released it yet
    return new Layout(a, b, web, batch, code);
  }

  /** Places an instance as a reconcile pass does: through the driver, with a new membership. */
  private void place(Service service, String role, int slot, long nodeId) {
    master.run(
        () -> {
          Service managed = master.em.find(Service.class, service.id());
          edge.driver.provision(new ProvisionRequest(managed, role, slot, nodeId));
          managed.membershipChanged();
        });
  }

  private static String name(Service service, String role, int slot) {
    return Instance.nameOf(service.id(), role, slot);
  }

  @Test
  void theReplyIsTheNodesWholeDesiredStateForRunningServices() {
    Layout layout = layout();
    Service web = edge.service(layout.web().id());
    Instance node0 = edge.instance(name(web, "node", 0)).orElseThrow();

    Reply reply = edge.heartbeat(layout.a());

    assertEquals(
        List.of(name(web, "node", 0), name(web, "node", 1)),
        reply.instances().stream().map(DesiredInstance::id).toList());
    DesiredInstance desired = reply.instances().get(0);
    assertEquals("shop/web", desired.service());
    assertEquals("generic", desired.type());
    assertEquals("node", desired.role());
    assertEquals(250, desired.cpuMillis());
    assertEquals(128, desired.memoryMiB());
    assertEquals(node0.port(), desired.port());
    assertEquals(1, desired.code().version());
    assertEquals(layout.code().sha256(), desired.code().sha256());
    assertEquals("/agent/v1/bundles/" + web.id() + "/1", desired.code().path());
    assertEquals("zip", desired.code().format());
    assertEquals(
        Map.of(
            "MY_ROLE", "node",
            "MY_IP", "10.77.0.11",
            "MY_PORT", Integer.toString(node0.port()),
            "MASTER_IP", "10.77.0.12"),
        desired.env());
    assertEquals(3, web.membershipGeneration());
    assertEquals(3, desired.membership().generation());
    assertEquals(
        Set.of(
            List.of("10.77.0.12", "master", name(web, "master", 0)),
            List.of("10.77.0.11", "node", name(web, "node", 0)),
            List.of("10.77.0.11", "node", name(web, "node", 1))),
        desired.membership().agents().stream()
            .map(m -> List.of(m.ip(), m.role(), m.id()))
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(
        desired
            .membership()
            .agents()
            .contains(new Member("10.77.0.11", "node", node0.name(), node0.port())),
        "members carry their ports: " + desired.membership().agents());
    assertEquals(Map.of("run", 0, "interrupt", 0, "cleanup", 0), desired.commands());

    // the other node is asked for the master only, with its own address as MASTER_IP
    Reply other = edge.heartbeat(layout.b());
    assertEquals(
        List.of(name(web, "master", 0)),
        other.instances().stream().map(DesiredInstance::id).toList());
    assertEquals("master", other.instances().get(0).env().get("MY_ROLE"));
    assertEquals("10.77.0.12", other.instances().get(0).env().get("MASTER_IP"));
    assertEquals("10.77.0.12", other.instances().get(0).env().get("MY_IP"));
  }

  @Test
  void reportedFiguresAreKeptPerInstanceForChartsAndOnlyTheNewestWindow() {
    Layout layout = layout();
    String master0 = name(layout.web(), "master", 0);
    for (int i = 1; i <= InstanceMetricsHistory.WINDOW + 5; i++) {
      edge.heartbeat(
          layout.b(),
          new InstanceReport(
              master0,
              InstanceState.RUNNING,
              null,
              1,
              null,
              null,
              false,
              Map.of("cpuPercent", (double) i, "memoryMiB", 40.0)));
    }

    assertEquals(Map.of("cpuPercent", 305.0, "memoryMiB", 40.0), edge.metrics.latest(master0));
    List<InstanceMetricsHistory.Sample> samples = edge.metrics.samples(master0);
    assertEquals(InstanceMetricsHistory.WINDOW, samples.size());
    assertEquals(6.0, samples.get(0).values().get("cpuPercent"), "oldest samples dropped");
    assertTrue(edge.metrics.samples(name(layout.web(), "node", 0)).isEmpty());
  }

  @Test
  void theMastersOwnAddressBecomesMasterIpOnceReported() {
    Layout layout = layout();
    String master0 = name(layout.web(), "master", 0);
    edge.heartbeat(
        layout.b(),
        new InstanceReport(master0, InstanceState.RUNNING, null, 1, "10.77.0.131", null, false));

    DesiredInstance node = edge.heartbeat(layout.a()).instances().get(0);

    assertEquals("10.77.0.131", node.env().get("MASTER_IP"));
    assertEquals("10.77.0.11", node.env().get("MY_IP"));
    assertTrue(
        node.membership().agents().stream()
            .anyMatch(m -> m.ip().equals("10.77.0.131") && m.id().equals(master0)),
        node.membership().agents().toString());
  }

  @Test
  void triggeredScriptsRaiseTheCommandCounters() {
    Layout layout = layout();
    Caller alice = edge.alice();
    master.run(() -> edge.serviceOperations.trigger(alice, "shop", "web", Script.RUN));
    master.run(() -> edge.serviceOperations.trigger(alice, "shop", "web", Script.RUN));
    master.run(() -> edge.serviceOperations.trigger(alice, "shop", "web", Script.CLEANUP));

    DesiredInstance node = edge.heartbeat(layout.a()).instances().get(0);

    assertEquals(Map.of("run", 2, "interrupt", 0, "cleanup", 1), node.commands());
  }

  @Test
  void aReportedInstanceIsRecorded() {
    Layout layout = layout();
    String node0 = name(layout.web(), "node", 0);
    String scripts = "{\"run\":{\"state\":\"RUNNING\",\"exitCode\":null,\"seq\":1}}";
    master.clock.advance(Duration.ofSeconds(2));

    edge.heartbeat(
        layout.a(),
        new InstanceReport(
            node0, InstanceState.FAILED, "init.sh exited with 3", 1, "10.77.0.140", scripts, true));

    Instance stored = edge.instance(node0).orElseThrow();
    assertEquals(InstanceState.FAILED, stored.state());
    assertEquals("init.sh exited with 3", stored.message());
    assertEquals(1, stored.codeVersion());
    assertEquals("10.77.0.140", stored.address());
    assertEquals(scripts, stored.scripts());
    assertTrue(stored.scriptRunning());
    assertEquals(MutableClock.START.plusSeconds(2), stored.reportedAt());
    // the instance that was not reported is left as it was
    Instance node1 = edge.instance(name(layout.web(), "node", 1)).orElseThrow();
    assertEquals(InstanceState.PENDING, node1.state());
    assertNull(node1.reportedAt());

    // without its own address, the instance is reached at its node's
    edge.heartbeat(
        layout.a(), new InstanceReport(node0, InstanceState.RUNNING, null, 1, null, "{}", false));
    stored = edge.instance(node0).orElseThrow();
    assertEquals(InstanceState.RUNNING, stored.state());
    assertNull(stored.message());
    assertEquals("10.77.0.11", stored.address());
    assertFalse(stored.scriptRunning());
  }

  @Test
  void instancesOfOtherNodesInAReportAreIgnored() {
    Layout layout = layout();
    String master0 = name(layout.web(), "master", 0); // on pi-b

    edge.heartbeat(layout.a(), TestingEdge.report(master0, InstanceState.FAILED));

    assertEquals(InstanceState.PENDING, edge.instance(master0).orElseThrow().state());
  }

  @Test
  void anInstanceBeingRemovedGoesOnceItsNodeNoLongerReportsIt() {
    Layout layout = layout();
    String batchMaster = name(layout.batch(), "master", 0);
    edge.reconcile(layout.batch().id()); // releases batch: its instance is marked removing
    assertTrue(edge.instance(batchMaster).orElseThrow().removing());

    Reply stillRunning =
        edge.heartbeat(layout.a(), TestingEdge.report(batchMaster, InstanceState.RUNNING));

    assertTrue(edge.instance(batchMaster).isPresent(), "the container is still there");
    assertTrue(stillRunning.instances().stream().noneMatch(i -> i.id().equals(batchMaster)));

    edge.heartbeat(layout.a());

    assertTrue(edge.instance(batchMaster).isEmpty());
    // instances that are not being removed stay, reported or not
    assertEquals(3, edge.allInstances().size());
  }

  // logs

  private Path logFile(String instance, String stream) {
    return edge.logs.file(instance, stream);
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void logChunksAreAppendedOnceAndAcknowledged() throws Exception {
    Layout layout = layout();
    String node0 = name(layout.web(), "node", 0);
    List<LogChunk> first =
        List.of(
            new LogChunk(node0, "stdout", 0, 6, "hello\n"),
            new LogChunk(node0, "stderr", 0, 5, "oops\n"));

    Reply reply = edge.heartbeat(layout.a(), List.of(), first);
    assertEquals(Map.of(node0, Map.of("stdout", 6L, "stderr", 5L)), reply.logOffsets());

    // the reply was lost: the agent sends the same chunks again
    Reply again = edge.heartbeat(layout.a(), List.of(), first);
    assertEquals(Map.of(node0, Map.of("stdout", 6L, "stderr", 5L)), again.logOffsets());
    assertEquals("hello\n", read(logFile(node0, "stdout")));
    assertEquals("oops\n", read(logFile(node0, "stderr")));

    Reply next =
        edge.heartbeat(
            layout.a(), List.of(), List.of(new LogChunk(node0, "stdout", 6, 12, "world\n")));
    assertEquals(Map.of(node0, Map.of("stdout", 12L)), next.logOffsets());
    assertEquals("hello\nworld\n", read(logFile(node0, "stdout")));
    assertEquals("hello\nworld\n", edge.logs.tail(node0, "stdout", 10));
  }

  @Test
  void logChunksOfInstancesNotOnTheNodeOrOfUnknownStreamsAreIgnored() {
    Layout layout = layout();
    String master0 = name(layout.web(), "master", 0); // on pi-b
    String node0 = name(layout.web(), "node", 0);

    Reply reply =
        edge.heartbeat(
            layout.a(),
            List.of(),
            List.of(
                new LogChunk(master0, "stdout", 0, 9, "injected\n"),
                new LogChunk("s999-node-0", "stdout", 0, 9, "injected\n"),
                new LogChunk(node0, "stdlog", 0, 9, "injected\n")));

    assertEquals(Map.of(), reply.logOffsets());
    assertFalse(Files.exists(logFile(master0, "stdout")));
    assertFalse(Files.exists(logFile("s999-node-0", "stdout")));
    assertEquals("", edge.logs.tail(node0, "stdout", 10));
  }

  @Test
  void aChunkResentFromAnOlderOffsetAfterALostReplyIsTrimmed() throws Exception {
    Layout layout = layout();
    String node0 = name(layout.web(), "node", 0);
    // stored and acknowledged at 6, but the acknowledgement never reached the agent
    edge.heartbeat(layout.a(), List.of(), List.of(new LogChunk(node0, "stdout", 0, 6, "hello\n")));

    // so it sends from 0 again, with what was appended since
    Reply reply =
        edge.heartbeat(
            layout.a(), List.of(), List.of(new LogChunk(node0, "stdout", 0, 12, "hello\nworld\n")));

    assertEquals(Map.of(node0, Map.of("stdout", 12L)), reply.logOffsets());
    assertEquals("hello\nworld\n", read(logFile(node0, "stdout")));
  }

  // bundles

  @Test
  void aBundleIsGivenOnlyToNodesThatRunItsService() throws Exception {
    Layout layout = layout();
    long web = layout.web().id();

    Path bundle = master.inTransaction(() -> edge.gateway.bundle(layout.a(), web, 1));

    assertEquals(master.codeStore.locate(layout.code().storagePath()), bundle);
    assertTrue(Files.isRegularFile(bundle));
    assertEquals(layout.code().sizeBytes(), Files.size(bundle));
    assertEquals(bundle, master.inTransaction(() -> edge.gateway.bundle(layout.b(), web, 1)));

    // batch runs nowhere on pi-b; version 2 of web does not exist
    String c = edge.enroll("pi-c", 4000, 4096, "10.77.0.13");
    assertThrows(
        ResourceNotFound.class, () -> master.inTransaction(() -> edge.gateway.bundle(c, web, 1)));
    assertThrows(
        ResourceNotFound.class,
        () -> master.inTransaction(() -> edge.gateway.bundle(layout.a(), web, 2)));
    edge.upload("batch");
    long batch = layout.batch().id();
    assertThrows(
        ResourceNotFound.class,
        () -> master.inTransaction(() -> edge.gateway.bundle(layout.b(), batch, 1)));
    assertTrue(
        Files.isRegularFile(master.inTransaction(() -> edge.gateway.bundle(layout.a(), batch, 1))));
  }
}

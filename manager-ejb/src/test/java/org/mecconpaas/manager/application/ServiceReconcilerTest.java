package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.DesiredInstance;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/**
 * Reconcile passes over the edge: nodes that enroll and send heartbeats, the edge agent driver, and
 * the service's state derived from what the nodes report.
 */
class ServiceReconcilerTest extends MasterTestSupport {
  private TestingEdge edge;
  private Caller alice;

  /** Agents' credentials by node name. */
  private final Map<String, String> agents = new TreeMap<>();

  @BeforeEach
  void twoNodesOfFourInstancesEach() {
    edge = new TestingEdge(master);
    alice = edge.alice();
    agents.put("pi-a", edge.enroll("pi-a", 1000, 1024, "10.77.0.11"));
    agents.put("pi-b", edge.enroll("pi-b", 1000, 1024, "10.77.0.12"));
  }

  private Service startWeb() {
    Service web = edge.genericService("web", 2);
    edge.start("web");
    edge.reconcile(web.id());
    return web;
  }

  /** Where each instance of the service is: instance name to node name. */
  private Map<String, String> placement(Service service) {
    return edge.instancesOf(service.id()).stream()
        .collect(Collectors.toMap(Instance::name, i -> i.node().name(), (x, y) -> x, TreeMap::new));
  }

  /** A heartbeat of the node reporting every instance it holds (and is asked to) in a state. */
  private Reply beat(String node, InstanceState state) {
    List<InstanceReport> reports =
        edge.namesOn(node).stream().map(name -> TestingEdge.report(name, state)).toList();
    return edge.heartbeat(agents.get(node), reports.toArray(InstanceReport[]::new));
  }

  private Service stored(Service service) {
    return edge.service(service.id());
  }

  private List<Event> events(String action) {
    Caller admin = edge.admin();
    return master.inTransaction(() -> master.audit.list(admin, null, null, 0, 500)).items().stream()
        .filter(e -> e.action().equals(action))
        .sorted(Comparator.comparing(Event::id))
        .toList();
  }

  @Test
  void aStartedServiceIsSpreadOverBothNodesAndAReRunChangesNothing() {
    Service web = startWeb();

    Map<String, String> placed = placement(web);
    assertEquals(
        List.of(name(web, "master", 0), name(web, "node", 0), name(web, "node", 1)),
        List.copyOf(placed.keySet()));
    // two on pi-a (ties go by name), one on pi-b
    assertEquals(
        Map.of("pi-a", 2L, "pi-b", 1L),
        placed.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())));
    Map<String, Long> ids =
        edge.instancesOf(web.id()).stream().collect(Collectors.toMap(Instance::name, Instance::id));
    long membership = stored(web).membershipGeneration();
    assertEquals(1, membership);

    edge.reconcile(web.id());
    edge.reconcile(web.id());

    assertEquals(placed, placement(web));
    assertEquals(
        ids,
        edge.instancesOf(web.id()).stream()
            .collect(Collectors.toMap(Instance::name, Instance::id)));
    assertEquals(membership, stored(web).membershipGeneration());
    assertEquals(3, master.countRows("instances"));
  }

  private static String name(Service service, String role, int slot) {
    return Instance.nameOf(service.id(), role, slot);
  }

  @Test
  void theServiceIsInPrologueUntilEveryInstanceRuns() {
    Service web = startWeb();
    assertEquals(ServiceState.PROLOGUE, stored(web).state());
    assertEquals("0 of 3 instance(s) running", stored(web).phaseMessage());

    beat("pi-a", InstanceState.RUNNING);
    beat("pi-b", InstanceState.STARTING);
    edge.reconcile(web.id());
    assertEquals(ServiceState.PROLOGUE, stored(web).state());
    assertEquals("2 of 3 instance(s) running", stored(web).phaseMessage());

    beat("pi-b", InstanceState.RUNNING);
    edge.reconcile(web.id());

    Service running = stored(web);
    assertEquals(ServiceState.RUNNING, running.state());
    assertNull(running.phaseMessage());
    Event last = events("service.state").get(events("service.state").size() - 1);
    assertEquals("reconcile", last.actor());
    assertEquals("PROLOGUE -> RUNNING", last.detail());
  }

  private Service runningWeb() {
    Service web = startWeb();
    beat("pi-a", InstanceState.RUNNING);
    beat("pi-b", InstanceState.RUNNING);
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, stored(web).state(), "precondition");
    return web;
  }

  @Test
  void aSilentNodeIsMarkedDownAndItsInstancesMoveToTheOtherNode() {
    Service web = runningWeb();
    String onB = edge.namesOn("pi-b").get(0);
    long membership = stored(web).membershipGeneration();
    Duration silence = edge.settings.nodeDownAfter();

    // exactly the allowed silence is still fine
    master.clock.advance(silence);
    beat("pi-a", InstanceState.RUNNING);
    assertEquals(
        List.of(), master.inTransaction(() -> edge.reconciler.markSilentNodesDown(silence)));

    master.clock.advance(Duration.ofSeconds(1));
    assertEquals(
        List.of("pi-b"), master.inTransaction(() -> edge.reconciler.markSilentNodesDown(silence)));
    assertEquals(NodeState.DOWN, edge.node("pi-b").state());
    assertEquals(NodeState.UP, edge.node("pi-a").state());
    List<Event> down = events("node.down");
    assertEquals(1, down.size());
    assertEquals("pi-b missed its heartbeats", down.get(0).detail());

    edge.reconcile(web.id());

    assertEquals(List.of(), edge.namesOn("pi-b"));
    assertEquals(3, edge.namesOn("pi-a").size());
    Instance moved = edge.instance(onB).orElseThrow();
    assertEquals(InstanceState.PENDING, moved.state());
    assertEquals(ServiceState.ADAPTING, stored(web).state());
    assertEquals("2 of 3 instance(s) running", stored(web).phaseMessage());
    assertEquals(membership + 1, stored(web).membershipGeneration());

    Reply reply = beat("pi-a", InstanceState.RUNNING);
    assertEquals(3, reply.instances().size());
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, stored(web).state());

    // when pi-b comes back it is told to run nothing, and the instance stays where it went
    Reply back = edge.heartbeat(agents.get("pi-b"), TestingEdge.report(onB, InstanceState.RUNNING));
    assertEquals(List.of(), back.instances());
    assertEquals(NodeState.UP, edge.node("pi-b").state());
    assertEquals(1, events("node.up").size());
    edge.reconcile(web.id());
    assertEquals("pi-a", edge.instance(onB).orElseThrow().node().name());
    assertEquals(ServiceState.RUNNING, stored(web).state());
  }

  @Test
  void aFailedInstanceTurnsTheServiceToError() {
    Service web = startWeb();
    String onB = edge.namesOn("pi-b").get(0);
    beat("pi-a", InstanceState.RUNNING);
    edge.heartbeat(
        agents.get("pi-b"),
        new InstanceReport(
            onB, InstanceState.FAILED, "init.sh exited with 3", 1, null, null, false));

    edge.reconcile(web.id());

    Service failed = stored(web);
    assertEquals(ServiceState.ERROR, failed.state());
    assertEquals("instance " + onB + " failed: init.sh exited with 3", failed.phaseMessage());
    Event last = events("service.state").get(events("service.state").size() - 1);
    assertEquals(
        "PROLOGUE -> ERROR (instance " + onB + " failed: init.sh exited with 3)", last.detail());
    assertTrue(
        master.inTransaction(() -> edge.reconciler.servicesToReconcile()).contains(web.id()));

    // once the instance recovers, the service starts over
    beat("pi-b", InstanceState.RUNNING);
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, stored(web).state());
  }

  @Test
  void stopReleasesTheInstancesAndEndsStoppedOnceTheNodesConfirm() {
    Service web = runningWeb();

    edge.stop("web");
    assertEquals(ServiceState.EPILOGUE, stored(web).state());
    edge.reconcile(web.id());

    assertTrue(edge.instancesOf(web.id()).stream().allMatch(Instance::removing));
    assertEquals(ServiceState.EPILOGUE, stored(web).state());
    assertEquals("releasing 3 instance(s)", stored(web).phaseMessage());

    // the agents still run the containers: nothing is asked of them, nothing goes yet
    assertEquals(List.of(), beat("pi-a", InstanceState.RUNNING).instances());
    assertEquals(List.of(), beat("pi-b", InstanceState.RUNNING).instances());
    edge.reconcile(web.id());
    assertEquals(3, edge.instancesOf(web.id()).size());
    assertEquals(ServiceState.EPILOGUE, stored(web).state());

    edge.heartbeat(agents.get("pi-a"));
    edge.reconcile(web.id());
    assertEquals(List.of(), edge.namesOn("pi-a"));
    assertEquals(ServiceState.EPILOGUE, stored(web).state());
    assertEquals("releasing 1 instance(s)", stored(web).phaseMessage());

    edge.heartbeat(agents.get("pi-b"));
    edge.reconcile(web.id());

    assertEquals(ServiceState.STOPPED, stored(web).state());
    assertNull(stored(web).phaseMessage());
    assertEquals(0, master.countRows("instances"));
    assertFalse(
        master.inTransaction(() -> edge.reconciler.servicesToReconcile()).contains(web.id()));
  }

  @Test
  void scalingBeyondTheNodesCapacityIsRefusedAndChangesNothing() {
    Service web = runningWeb(); // 3 of 8 places taken
    long generation = stored(web).generation();
    int eventsBefore = events("service.update").size();

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                master.inTransaction(
                    () -> edge.serviceOperations.scale(alice, "shop", "web", Map.of("node", 8))));

    assertEquals("roles", refused.errors().get(0).field());
    assertTrue(
        refused.getMessage().contains("1 instance(s) could not be placed"), refused.getMessage());
    Service unchanged = stored(web);
    assertEquals(Map.of("master", 1, "node", 2), unchanged.roles());
    assertEquals(generation, unchanged.generation());
    assertEquals(eventsBefore, events("service.update").size());
    edge.reconcile(web.id());
    assertEquals(3, edge.instancesOf(web.id()).size());
    assertEquals(ServiceState.RUNNING, stored(web).state());

    // what fits is accepted and placed
    master.run(() -> edge.serviceOperations.scale(alice, "shop", "web", Map.of("node", 7)));
    edge.reconcile(web.id());
    assertEquals(8, edge.instancesOf(web.id()).size());
    assertEquals(4, edge.namesOn("pi-a").size());
    assertEquals(4, edge.namesOn("pi-b").size());
    assertEquals(ServiceState.ADAPTING, stored(web).state());
  }

  @Test
  void aSpecThatDoesNotFitIsReportedAsWaitingForCapacity() {
    Service web = edge.genericService("web", 8); // 9 instances, room for 8
    edge.start("web");
    edge.reconcile(web.id());

    assertEquals(8, edge.instancesOf(web.id()).size());
    assertEquals(ServiceState.PROLOGUE, stored(web).state());
    assertEquals(
        "waiting for capacity: no node can take 1 instance(s)", stored(web).phaseMessage());
  }

  @Test
  void aServiceWithAnInstanceStrandedOnADownNodeIsNotRunning() {
    // room for one instance on each node, and web needs two
    agents.put("pi-c", edge.enroll("pi-c", 250, 1024, "10.77.0.13"));
    agents.put("pi-d", edge.enroll("pi-d", 250, 1024, "10.77.0.14"));
    Caller admin = edge.admin();
    master.run(
        () -> {
          master.nodeRegistry.drain(admin, "pi-a", true);
          master.nodeRegistry.drain(admin, "pi-b", true);
        });
    Service web = edge.genericService("web", 1);
    edge.start("web");
    edge.reconcile(web.id());
    beat("pi-c", InstanceState.RUNNING);
    beat("pi-d", InstanceState.RUNNING);
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, stored(web).state(), "precondition");

    master.clock.advance(edge.settings.nodeDownAfter().plusSeconds(1));
    beat("pi-c", InstanceState.RUNNING);
    master.run(() -> edge.reconciler.markSilentNodesDown(edge.settings.nodeDownAfter()));
    edge.reconcile(web.id());

    assertEquals(1, edge.namesOn("pi-d").size(), "nowhere to move it");
    Service stranded = stored(web);
    assertEquals(ServiceState.ADAPTING, stranded.state());
    assertEquals("waiting for capacity: no node can take 1 instance(s)", stranded.phaseMessage());
  }

  @Test
  void scalingDownAndUpAgainBeforeTheNodeConfirmsKeepsTheInstance() {
    Service web = runningWeb();
    String node1 = name(web, "node", 1);
    master.run(() -> edge.serviceOperations.scale(alice, "shop", "web", Map.of("node", 1)));
    edge.reconcile(web.id());
    assertTrue(edge.instance(node1).orElseThrow().removing(), "precondition");

    master.run(() -> edge.serviceOperations.scale(alice, "shop", "web", Map.of("node", 2)));
    edge.reconcile(web.id());

    Instance back = edge.instance(node1).orElseThrow();
    assertFalse(back.removing());
    Reply reply = beat(back.node().name(), InstanceState.RUNNING);
    assertTrue(
        reply.instances().stream().map(DesiredInstance::id).toList().contains(node1),
        "the node is asked to run " + node1);
  }

  @Test
  void withRoomForTwoOfThreeTheMasterIsPlaced() {
    agents.put("pi-c", edge.enroll("pi-c", 500, 1024, "10.77.0.13"));
    Caller admin = edge.admin();
    master.run(
        () -> {
          master.nodeRegistry.drain(admin, "pi-a", true);
          master.nodeRegistry.drain(admin, "pi-b", true);
        });
    Service web = edge.genericService("web", 2);
    edge.start("web");

    edge.reconcile(web.id());

    assertEquals(2, edge.namesOn("pi-c").size(), "precondition: room for two");
    assertTrue(edge.namesOn("pi-c").contains(name(web, "master", 0)), "placed: " + placement(web));
  }

  @Test
  void aCodeVersionARoleRefusesIsRolledBackAndSaysWhy() {
    Service site =
        master.inTransaction(
            () ->
                edge.serviceOperations.create(
                    alice, "shop", "site", "php", null, Map.of("web", 1, "backend", 1)));
    edge.upload("site");
    edge.start("site");
    edge.reconcile(site.id());
    edge.upload("site");
    master.run(() -> master.codeVersions.enable(alice, "shop", "site", 2));
    assertEquals(1, edge.service(site.id()).previousCodeVersion());

    String backend =
        edge.instancesOf(site.id()).stream()
            .filter(i -> i.role().equals("backend"))
            .findFirst()
            .orElseThrow()
            .name();
    String node = edge.instance(backend).orElseThrow().node().name();
    edge.heartbeat(
        agents.get(node),
        new InstanceReport(
            backend, InstanceState.FAILED, "init.sh exited with 255", 2, null, null, false));
    edge.reconcile(site.id());

    Service after = edge.service(site.id());
    assertEquals(1, after.activeCodeVersion(), "back to the version that served");
    assertNull(after.previousCodeVersion());
    String reason =
        master.inTransaction(
            () ->
                master.codeVersions.list(alice, "shop", "site").stream()
                    .filter(v -> v.version() == 2)
                    .findFirst()
                    .orElseThrow()
                    .refusedReason());
    assertEquals(backend + ": init.sh exited with 255", reason);
    assertTrue(edge.actions().contains("code.rollback"), edge.actions().toString());

    // a generic service has nothing to fall back to in its instances: it shows the failure
    Service web = startWeb();
    edge.upload("web");
    edge.upload("web");
    master.run(() -> master.codeVersions.enable(alice, "shop", "web", 2));
    String master0 = Instance.nameOf(web.id(), "master", 0);
    String masterNode = edge.instance(master0).orElseThrow().node().name();
    edge.heartbeat(
        agents.get(masterNode),
        new InstanceReport(
            master0, InstanceState.FAILED, "init.sh exited with 1", 2, null, null, false));
    edge.reconcile(web.id());
    assertEquals(2, edge.service(web.id()).activeCodeVersion());
    assertEquals(ServiceState.ERROR, edge.service(web.id()).state());
  }
}

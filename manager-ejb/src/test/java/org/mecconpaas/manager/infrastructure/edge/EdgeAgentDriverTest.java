package org.mecconpaas.manager.infrastructure.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.TestingMaster;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.CloudDriverContract;
import org.mecconpaas.manager.domain.model.driver.InstanceStatus;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;

/**
 * The edge agent driver on the H2 harness: the contract, with nodes that enroll and report through
 * the agent gateway, plus what is particular to edge nodes (ports, removal confirmed by
 * heartbeats).
 */
class EdgeAgentDriverTest extends CloudDriverContract {
  @TempDir Path dataDir;
  private TestingMaster master;
  private TestingEdge edge;
  private final Map<Long, String> credentials = new HashMap<>();
  private int services;

  @BeforeEach
  void startMaster() {
    master = TestingMaster.start(dataDir);
    edge = new TestingEdge(master);
  }

  @AfterEach
  void stopMaster() {
    master.close();
  }

  @Override
  protected CloudDriver driver() {
    return edge.driver;
  }

  @Override
  protected Service aService() {
    return edge.genericService("svc-" + ++services, 2);
  }

  @Override
  protected long aNode() {
    int number = credentials.size() + 1;
    String name = "node-" + number;
    String credential = edge.enroll(name, 4000, 4096, "10.77.0." + number);
    long id = edge.node(name).id();
    credentials.put(id, credential);
    return id;
  }

  @Override
  protected String providerState(InstanceStatus status) {
    return status.name(); // the agent protocol's names: STARTING, RUNNING, FAILED
  }

  /** A heartbeat of the instance's node, reporting it in that state and the others as they are. */
  @Override
  protected void observe(String instanceName, String providerState) {
    Instance instance = edge.instance(instanceName).orElseThrow();
    Map<String, InstanceState> states = statesOn(instance.node().id());
    // what the gateway's REST resource does with the JSON state
    states.put(instanceName, InstanceState.fromReport(providerState));
    heartbeat(instance.node().id(), states);
  }

  /** The node's next heartbeat no longer lists the instance: its container is gone. */
  @Override
  protected void infrastructureConfirmsRelease(String instanceName) {
    edge.instance(instanceName)
        .ifPresent(
            instance -> {
              Map<String, InstanceState> states = statesOn(instance.node().id());
              states.remove(instanceName);
              heartbeat(instance.node().id(), states);
            });
  }

  @Override
  protected Map<String, Long> instancesInInfrastructure() {
    Map<String, Long> placed = new LinkedHashMap<>();
    edge.allInstances().forEach(i -> placed.put(i.name(), i.node().id()));
    return placed;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return master.inTransaction(work);
  }

  private Map<String, InstanceState> statesOn(long nodeId) {
    Map<String, InstanceState> states = new LinkedHashMap<>();
    edge.allInstances().stream()
        .filter(i -> i.node().id() == nodeId)
        .forEach(i -> states.put(i.name(), i.state()));
    return states;
  }

  private void heartbeat(long nodeId, Map<String, InstanceState> states) {
    edge.heartbeat(
        credentials.get(nodeId),
        states.entrySet().stream()
            .map(e -> TestingEdge.report(e.getKey(), e.getValue()))
            .toArray(InstanceReport[]::new));
  }

  private void provision(Service service, String role, int slot, long node) {
    master.run(() -> edge.driver.provision(new ProvisionRequest(service, role, slot, node)));
  }

  private void release(String name) {
    master.run(() -> edge.driver.release(name));
  }

  // contract clauses the edge driver breaks

  @Test
  @Override
  public void provisioningAgainAfterAReleaseBringsTheInstanceBack() {
    super.provisioningAgainAfterAReleaseBringsTheInstanceBack();
  }

  @Test
  @Override
  public void adoptingARunningInstanceOnItsOwnNodeKeepsItRunning() {
    super.adoptingARunningInstanceOnItsOwnNodeKeepsItRunning();
  }

  // what is particular to edge nodes

  @Test
  void instancesSharingANodeNeverShareAPort() {
    long first = aNode();
    long second = aNode();
    Service web = aService();
    Service db = aService();
    provision(web, "master", 0, first);
    provision(web, "node", 0, first);
    provision(web, "node", 1, second);
    provision(db, "master", 0, first);
    provision(db, "node", 0, second);
    assertPortsUniquePerNode();

    // a moved instance takes a port that is free on its new node
    provision(web, "node", 0, second);
    assertEquals(
        second, edge.instance(Instance.nameOf(web.id(), "node", 0)).orElseThrow().node().id());
    assertPortsUniquePerNode();
  }

  private void assertPortsUniquePerNode() {
    List<Instance> all = edge.allInstances();
    for (Instance instance : all) {
      assertTrue(
          instance.port() >= EdgeAgentDriver.FIRST_PORT
              && instance.port() < EdgeAgentDriver.FIRST_PORT + EdgeAgentDriver.PORTS,
          "port " + instance.port());
      long overlapping =
          all.stream()
              .filter(
                  o ->
                      o.node().id().equals(instance.node().id())
                          && Math.abs(o.port() - instance.port()) < EdgeAgentDriver.PORT_BLOCK)
              .count();
      assertEquals(1, overlapping, instance.name() + " shares ports from " + instance.port());
    }
  }

  @Test
  void releaseOnADownNodeDeletesTheInstanceAtOnce() {
    long node = aNode();
    Service service = aService();
    provision(service, "master", 0, node);
    String name = Instance.nameOf(service.id(), "master", 0);
    observe(name, "RUNNING");
    master.run(() -> master.em.find(Node.class, node).markDown());

    release(name);

    assertTrue(edge.instance(name).isEmpty(), "nobody is left to confirm the removal");
    assertEquals(InstanceStatus.RELEASED, master.inTransaction(() -> edge.driver.describe(name)));
    assertEquals(
        NodeState.DOWN, master.inTransaction(() -> master.em.find(Node.class, node)).state());
  }

  @Test
  void releaseOnAnUpNodeWaitsUntilAHeartbeatNoLongerReportsTheInstance() {
    long node = aNode();
    Service service = aService();
    provision(service, "master", 0, node);
    provision(service, "node", 0, node);
    String name = Instance.nameOf(service.id(), "master", 0);
    String kept = Instance.nameOf(service.id(), "node", 0);
    observe(name, "RUNNING");
    observe(kept, "RUNNING");

    release(name);

    Instance removing = edge.instance(name).orElseThrow();
    assertTrue(removing.removing());
    assertEquals(InstanceStatus.RELEASED, master.inTransaction(() -> edge.driver.describe(name)));

    // the agent still runs it: the row stays, and the node is no longer asked to run it
    heartbeat(node, Map.of(name, InstanceState.RUNNING, kept, InstanceState.RUNNING));
    assertTrue(edge.instance(name).orElseThrow().removing());

    heartbeat(node, Map.of(kept, InstanceState.RUNNING));
    assertTrue(edge.instance(name).isEmpty());
    assertFalse(edge.instance(kept).orElseThrow().removing());
    assertEquals(InstanceStatus.RUNNING, master.inTransaction(() -> edge.driver.describe(kept)));
  }

  @Test
  void portsStayUniqueOnANodeWhenInstanceIdsWrapAround() {
    long node = aNode();
    Service service = aService();
    provision(service, "master", 0, node); // id 1, from the first block of 20
    for (int slot = 0; slot < 19; slot++) {
      provision(service, "node", slot, node); // ids 2..20 use the block up
    }
    // a long-lived master: 20,000 instances were created (and removed) since
    master.run(
        () ->
            master
                .em
                .createNativeQuery(
                    "ALTER SEQUENCE instances_seq RESTART WITH " + (20 + EdgeAgentDriver.PORTS))
                .executeUpdate());
    provision(service, "node", 19, node);

    List<Instance> onNode = edge.allInstances();
    assertEquals(21, onNode.size());
    Instance newest = edge.instance(Instance.nameOf(service.id(), "node", 19)).orElseThrow();
    Instance oldest = edge.instance(Instance.nameOf(service.id(), "master", 0)).orElseThrow();
    assertEquals(EdgeAgentDriver.PORTS, newest.id() - oldest.id(), "precondition: ids wrapped");
    assertEquals(
        21,
        onNode.stream().map(Instance::port).distinct().count(),
        "instance "
            + newest.name()
            + " got port "
            + newest.port()
            + " of "
            + oldest.name()
            + " on the same node");
  }
}

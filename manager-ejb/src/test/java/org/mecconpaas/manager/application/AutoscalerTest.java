package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.Autoscaler.PolicyRequest;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.AutoscalingDecision.Action;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/** The autoscaler over the edge: figures arrive with heartbeats, decisions change the spec. */
class AutoscalerTest extends MasterTestSupport {
  private TestingEdge edge;
  private Caller alice;
  private Autoscaler autoscaler;
  private String node;
  private Service site;

  @BeforeEach
  void aRunningPhpService() {
    edge = new TestingEdge(master);
    alice = edge.alice();
    node = edge.enroll("pi-a", 4000, 4096, "10.77.0.11");
    autoscaler =
        new Autoscaler(
            master.em,
            edge.serviceOperations,
            master.instances,
            edge.metrics,
            edge.reconciler,
            master.audit,
            master.clock);
    site =
        master.inTransaction(
            () ->
                edge.serviceOperations.create(
                    alice, "shop", "site", "php", null, Map.of("web", 1, "backend", 1)));
    edge.start("site");
    edge.reconcile(site.id());
    report(Map.of());
    edge.reconcile(site.id());
    assertEquals(ServiceState.RUNNING, edge.service(site.id()).state());
  }

  /** One heartbeat: every instance RUNNING, proxies with these figures, backends at 50 % CPU. */
  private Reply report(Map<String, Double> proxyFigures) {
    Reply reply = edge.heartbeat(node);
    return edge.heartbeat(
        node,
        reply.instances().stream()
            .map(
                i ->
                    new InstanceReport(
                        i.id(),
                        InstanceState.RUNNING,
                        null,
                        null,
                        null,
                        null,
                        false,
                        i.role().equals("proxy")
                            ? proxyFigures
                            : Map.of("cpuPercent", i.role().equals("backend") ? 50.0 : 5.0)))
            .toArray(InstanceReport[]::new));
  }

  private void settle() {
    edge.reconcile(site.id());
    report(Map.of());
    edge.reconcile(site.id());
  }

  @Test
  void scalesOutWhenTheProxyMissesTheObjectiveAndBackInWhenTheLoadStops() {
    master.run(
        () ->
            autoscaler.setPolicy(
                alice, "shop", "site", new PolicyRequest(null, 200, 20, 70, 1, 3, 30)));

    report(Map.of("p95Millis", 480.0, "requestsPerSecond", 35.0));
    assertEquals(
        Action.OUT,
        master.inTransaction(() -> autoscaler.evaluate(site.id())).orElseThrow().action());
    assertEquals(2, edge.service(site.id()).roles().get("backend"));
    assertTrue(edge.actions().contains("autoscale.out"), edge.actions().toString());

    settle();
    report(Map.of("p95Millis", 480.0, "requestsPerSecond", 35.0));
    assertEquals(
        Action.HOLD,
        master.inTransaction(() -> autoscaler.evaluate(site.id())).orElseThrow().action(),
        "cooling down");

    master.clock.advance(Duration.ofSeconds(31));
    // the load stopped: the proxy has no figures, backends idle
    Reply reply = edge.heartbeat(node);
    edge.heartbeat(
        node,
        reply.instances().stream()
            .map(
                i ->
                    new InstanceReport(
                        i.id(),
                        InstanceState.RUNNING,
                        null,
                        null,
                        null,
                        null,
                        false,
                        Map.of("cpuPercent", 1.0)))
            .toArray(InstanceReport[]::new));
    assertEquals(
        Action.IN,
        master.inTransaction(() -> autoscaler.evaluate(site.id())).orElseThrow().action());
    assertEquals(1, edge.service(site.id()).roles().get("backend"));
    assertTrue(edge.actions().contains("autoscale.in"));
  }

  @Test
  void aPolicyOutsideTheCatalogOrForATypeThatDoesNotAutoscaleIsRefused() {
    RuleViolation tooMany =
        assertThrows(
            RuleViolation.class,
            () ->
                master.run(
                    () ->
                        autoscaler.setPolicy(
                            alice,
                            "shop",
                            "site",
                            new PolicyRequest("backend", 200, 20, 70, 1, 99, 30))));
    assertTrue(tooMany.getMessage().contains("allows 1 to 16"), tooMany.getMessage());
    assertTrue(edge.service(site.id()).autoscaling().isEmpty(), "nothing stored");

    edge.genericService("gen", 0);
    assertThrows(
        RuleViolation.class,
        () ->
            master.run(
                () ->
                    autoscaler.setPolicy(
                        alice,
                        "shop",
                        "gen",
                        new PolicyRequest(null, null, null, null, null, null, null))));
    assertEquals(List.of(), master.inTransaction(() -> autoscaler.servicesToEvaluate()));
  }
}

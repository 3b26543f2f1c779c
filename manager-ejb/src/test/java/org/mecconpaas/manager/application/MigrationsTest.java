package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingEdge;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.Migrations.Destination;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/** Make-before-break migrations over the edge: create, switch, drain, remove; or roll back. */
class MigrationsTest extends MasterTestSupport {
  private TestingEdge edge;
  private Caller alice;
  private Migrations migrations;
  private String a;
  private String b;
  private Service web;
  private String master0;

  @BeforeEach
  void aRunningServiceOnNodeA() {
    edge = new TestingEdge(master);
    alice = edge.alice();
    a = edge.enroll("pi-a", 1000, 1024, "10.77.0.11");
    migrations =
        new Migrations(
            master.em, edge.serviceOperations, edge.reconciler, master.audit, master.clock);
    web = edge.genericService("web", 0);
    edge.start("web");
    edge.reconcile(web.id());
    runAll(a);
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, edge.service(web.id()).state());
    b = edge.enroll("pi-b", 1000, 1024, "10.77.0.12");
    master0 = Instance.nameOf(web.id(), "master", 0);
  }

  /** A heartbeat from the node reporting every instance it is asked to run as RUNNING. */
  private Reply runAll(String node) {
    Reply reply = edge.heartbeat(node);
    return edge.heartbeat(node, TestingEdge.reportAll(reply, InstanceState.RUNNING));
  }

  private Migration only() {
    List<Migration> all = master.inTransaction(() -> migrations.list(alice, "shop", "web"));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void anInstanceMovesMakeBeforeBreak() {
    master.run(
        () ->
            migrations.request(alice, "shop", "web", master0, new Destination("pi-b", null, null)));
    edge.reconcile(web.id());
    String target = only().targetInstance();
    assertEquals(master0 + "-m" + only().id(), target);
    assertEquals("pi-b", edge.instance(target).orElseThrow().node().name());
    assertFalse(edge.instance(master0).orElseThrow().removing(), "the old one serves on");

    runAll(b);
    runAll(a);
    edge.reconcile(web.id());
    assertEquals(Migration.State.DRAINING, only().state());
    assertTrue(edge.instance(master0).orElseThrow().draining());

    master.clock.advance(MigrationRunner.DRAIN.plusSeconds(1));
    edge.reconcile(web.id());
    Migration done = only();
    assertEquals(Migration.State.DONE, done.state());
    assertTrue(edge.instance(master0).orElseThrow().removing());
    assertEquals(null, edge.instance(target).orElseThrow().migrationId(), "took over the slot");
    assertTrue(edge.actions().contains("instance.migrated"), edge.actions().toString());

    // node a confirms the removal; the service settles RUNNING on b with its one instance
    edge.heartbeat(a);
    runAll(b);
    edge.reconcile(web.id());
    assertEquals(ServiceState.RUNNING, edge.service(web.id()).state());
    assertEquals(List.of(target), edge.instancesOf(web.id()).stream().map(Instance::name).toList());
  }

  @Test
  void aDestinationThatFailsIsRolledBackAndTheOldInstanceServesOn() {
    master.run(
        () ->
            migrations.request(alice, "shop", "web", master0, new Destination("pi-b", null, null)));
    edge.reconcile(web.id());
    String target = only().targetInstance();
    edge.heartbeat(
        b,
        new InstanceReport(
            target, InstanceState.FAILED, "init.sh exited with 2", 1, null, null, false));
    edge.reconcile(web.id());

    Migration rolledBack = only();
    assertEquals(Migration.State.ROLLED_BACK, rolledBack.state());
    assertTrue(rolledBack.message().contains("init.sh exited with 2"), rolledBack.message());
    assertTrue(edge.instance(target).orElseThrow().removing());
    Instance old = edge.instance(master0).orElseThrow();
    assertFalse(old.removing() || old.draining());
  }

  @Test
  void aDestinationNodeThatDiesMidMigrationRollsItBack() {
    master.run(
        () ->
            migrations.request(alice, "shop", "web", master0, new Destination("pi-b", null, null)));
    edge.reconcile(web.id());
    master.clock.advance(edge.settings.nodeDownAfter().plusSeconds(1));
    runAll(a);
    master.run(() -> edge.reconciler.markSilentNodesDown(edge.settings.nodeDownAfter()));
    edge.reconcile(web.id());

    assertEquals(Migration.State.ROLLED_BACK, only().state());
    assertTrue(only().message().contains("went down"), only().message());
    assertFalse(edge.instance(master0).orElseThrow().draining());
  }

  @Test
  void impossibleDestinationsAreRefusedAndNothingIsRecorded() {
    RuleViolation same =
        assertThrows(
            RuleViolation.class,
            () ->
                master.run(
                    () ->
                        migrations.request(
                            alice, "shop", "web", master0, new Destination("pi-a", null, null))));
    assertTrue(same.getMessage().contains("already"), same.getMessage());
    assertThrows(
        RuleViolation.class,
        () ->
            master.run(
                () ->
                    migrations.request(
                        alice, "shop", "web", master0, new Destination("pi-z", null, null))));
    assertThrows(
        RuleViolation.class,
        () ->
            master.run(
                () ->
                    migrations.request(
                        alice, "shop", "web", master0, new Destination(null, 95.0, 4.0))));
    assertTrue(master.inTransaction(() -> migrations.list(alice, "shop", "web")).isEmpty());

    // near a point: the eligible node nearest to it
    master.run(
        () ->
            migrations.request(
                alice,
                "shop",
                "web",
                master0,
                new Destination(null, TestingEdge.LATITUDE, TestingEdge.LONGITUDE)));
    assertEquals("pi-b", only().toNode());
    assertThrows(
        StateConflict.class,
        () ->
            master.run(
                () ->
                    migrations.request(
                        alice, "shop", "web", master0, new Destination("pi-b", null, null))));
  }
}

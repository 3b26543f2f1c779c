package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.application.ServiceOperations.SpecChange;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.event.Outcome;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;

class ServiceOperationsTest extends MasterTestSupport {
  private Caller alice;

  @BeforeEach
  void aliceHasAnApplication() {
    alice = master.developer(master.admin(), "alice");
    master.run(() -> master.applicationOperations.create(alice, "shop", null));
  }

  private Service create(String name, String type, String policy, Map<String, Integer> roles) {
    return master.inTransaction(
        () -> master.serviceOperations.create(alice, "shop", name, type, policy, roles));
  }

  private Service find(String name) {
    return master.inTransaction(() -> master.serviceOperations.find(alice, "shop", name));
  }

  /** Events of one service, oldest first, as stored. */
  private List<Event> eventsOf(String service) {
    return master
        .inTransaction(() -> master.audit.list(alice, "shop", service, 0, 500))
        .items()
        .stream()
        .sorted(Comparator.comparing(Event::id))
        .toList();
  }

  @Test
  void aNewServiceGetsTheTypesStartSetAndSpreadPlacement() {
    create("web", "php", null, null);

    Service stored = find("web");
    assertEquals("php", stored.type());
    assertEquals(ServiceState.INIT, stored.state());
    assertEquals(ServiceState.INIT, stored.desiredState());
    assertEquals(PlacementPolicy.SPREAD, stored.placementPolicy());
    assertEquals(Map.of("proxy", 1, "web", 1, "backend", 1), stored.roles());
    assertEquals(1, stored.generation());
    assertEquals(MutableClock.START, stored.createdAt());
  }

  @Test
  void requestedRoleCountsAndPolicyAreKept() {
    create("jobs", "flink", "near-users", Map.of("taskmanager", 5));

    Service stored = find("jobs");
    assertEquals(PlacementPolicy.NEAR_USERS, stored.placementPolicy());
    assertEquals(Map.of("jobmanager", 1, "taskmanager", 5), stored.roles());
  }

  @Test
  void listGivesTheApplicationsServicesByName() {
    create("web", "generic", null, null);
    create("db", "mysql", null, null);
    assertEquals(
        List.of("db", "web"),
        master.inTransaction(
            () ->
                master.serviceOperations.list(alice, "shop").stream().map(Service::name).toList()));
  }

  @Test
  void unknownTypesAreRefusedAndNothingIsStored() {
    for (String type : new String[] {"tomcat", "", "PHP"}) {
      RuleViolation violation =
          assertThrows(RuleViolation.class, () -> create("web", type, null, null), type);
      assertEquals("type", violation.errors().get(0).field());
    }
    assertThrows(RuleViolation.class, () -> create("web", null, null, null));
    assertEquals(0, master.countRows("services"));
    assertEquals(0, master.countRows("service_roles"));
  }

  @Test
  void roleCountsOutOfBoundsAreRefused() {
    RuleViolation tooMany =
        assertThrows(RuleViolation.class, () -> create("web", "generic", null, Map.of("node", 33)));
    assertEquals("roles", tooMany.errors().get(0).field());
    assertTrue(tooMany.getMessage().contains("between 0 and 32"), tooMany.getMessage());

    assertThrows(RuleViolation.class, () -> create("web", "generic", null, Map.of("master", 2)));
    assertThrows(RuleViolation.class, () -> create("web", "flink", null, Map.of("taskmanager", 0)));
    assertThrows(RuleViolation.class, () -> create("web", "generic", null, Map.of("node", -1)));
    RuleViolation unknownRole =
        assertThrows(
            RuleViolation.class, () -> create("web", "generic", null, Map.of("worker", 1)));
    assertTrue(unknownRole.getMessage().contains("no role 'worker'"), unknownRole.getMessage());

    assertEquals(0, master.countRows("services"));
  }

  @Test
  void badNamesAndPoliciesAreRefused() {
    assertThrows(RuleViolation.class, () -> create("Web", "generic", null, null));
    assertThrows(RuleViolation.class, () -> create("web_1", "generic", null, null));
    RuleViolation policy =
        assertThrows(RuleViolation.class, () -> create("web", "generic", "random", null));
    assertEquals("placementPolicy", policy.errors().get(0).field());
    assertEquals(0, master.countRows("services"));
  }

  @Test
  void aDuplicateServiceNameIsAConflict() {
    create("web", "generic", null, null);
    assertThrows(StateConflict.class, () -> create("web", "php", null, null));
    assertEquals(1, master.countRows("services"));
  }

  @Test
  void startRecordsTheWishToRun() {
    create("web", "generic", null, null);
    master.clock.advance(Duration.ofMinutes(1));

    Service started =
        master.inTransaction(() -> master.serviceOperations.start(alice, "shop", "web"));

    assertEquals(ServiceState.PROLOGUE, started.state());
    Service stored = find("web");
    assertEquals(ServiceState.PROLOGUE, stored.state());
    assertEquals(ServiceState.RUNNING, stored.desiredState());
    assertEquals(2, stored.generation());
    assertEquals(MutableClock.START.plus(Duration.ofMinutes(1)), stored.updatedAt());
  }

  @Test
  void startingTwiceIsAConflict() {
    create("web", "generic", null, null);
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));

    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.start(alice, "shop", "web")));

    Service stored = find("web");
    assertEquals(ServiceState.PROLOGUE, stored.state());
    assertEquals(2, stored.generation());
  }

  @Test
  void stoppingAServiceThatNeverStartedIsAConflict() {
    create("web", "generic", null, null);

    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.stop(alice, "shop", "web")));

    assertEquals(ServiceState.INIT, find("web").state());
  }

  @Test
  void stopFromPrologueEndsStoppedAndRecordsEachTransition() {
    Service created = create("web", "generic", null, null);
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));

    Service stopping =
        master.inTransaction(() -> master.serviceOperations.stop(alice, "shop", "web"));

    // nothing was placed (there are no nodes), yet the stop waits for the reconcile loop
    assertEquals(ServiceState.EPILOGUE, stopping.state());
    Service stored = find("web");
    assertEquals(ServiceState.EPILOGUE, stored.state());
    assertEquals(ServiceState.STOPPED, stored.desiredState());
    assertEquals(3, stored.generation());

    master.run(() -> master.reconciler.reconcile(created.id()));

    stored = find("web");
    assertEquals(ServiceState.STOPPED, stored.state());
    assertEquals(3, stored.generation());
    assertEquals(List.of(), master.driver.provisioned);

    List<Event> events = eventsOf("web");
    assertEquals(
        List.of("service.create", "service.state", "service.state", "service.state"),
        events.stream().map(Event::action).toList());
    assertEquals(
        List.of("INIT -> PROLOGUE", "PROLOGUE -> EPILOGUE", "EPILOGUE -> STOPPED"),
        events.subList(1, 4).stream().map(Event::detail).toList());
    assertEquals(
        List.of("alice", "alice", "alice", "reconcile"),
        events.stream().map(Event::actor).toList());
    assertTrue(events.stream().allMatch(e -> e.outcome() == Outcome.SUCCESS));
    assertTrue(events.stream().allMatch(e -> e.ownerId() == alice.userId()));

    // a reconcile pass over a settled service changes nothing
    master.run(() -> master.reconciler.reconcile(created.id()));
    assertEquals(4, eventsOf("web").size());

    // and it may start again
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));
    assertEquals(ServiceState.PROLOGUE, find("web").state());
  }

  @Test
  void stoppingWhileStoppingIsAConflict() {
    create("web", "generic", null, null);
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));
    master.run(() -> master.serviceOperations.stop(alice, "shop", "web"));

    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.stop(alice, "shop", "web")));
    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.start(alice, "shop", "web")));
    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.delete(alice, "shop", "web")));
    assertEquals(ServiceState.EPILOGUE, find("web").state());
  }

  @Test
  void changeResizesAndReplacesInOneNewGeneration() {
    create("web", "generic", null, null);

    Service changed =
        master.inTransaction(
            () ->
                master.serviceOperations.change(
                    alice,
                    "shop",
                    "web",
                    new SpecChange(Optional.of("pack"), Optional.of(Map.of("node", 4)))));

    assertEquals(2, changed.generation());
    Service stored = find("web");
    assertEquals(PlacementPolicy.PACK, stored.placementPolicy());
    assertEquals(Map.of("master", 1, "node", 4), stored.roles());
    assertEquals(2, stored.generation());
  }

  @Test
  void changeChecksTheNewCountsAndPolicyAndKeepsTheOldSpecOnRefusal() {
    create("web", "generic", null, Map.of("node", 2));

    assertThrows(
        RuleViolation.class,
        tx(
            () ->
                master.serviceOperations.change(
                    alice,
                    "shop",
                    "web",
                    new SpecChange(Optional.empty(), Optional.of(Map.of("node", 99))))));
    assertThrows(
        RuleViolation.class,
        tx(
            () ->
                master.serviceOperations.change(
                    alice,
                    "shop",
                    "web",
                    new SpecChange(Optional.of("nowhere"), Optional.empty()))));

    Service stored = find("web");
    assertEquals(Map.of("master", 1, "node", 2), stored.roles());
    assertEquals(PlacementPolicy.SPREAD, stored.placementPolicy());
    assertEquals(1, stored.generation());
  }

  @Test
  void deletingAServiceThatIsNotAtRestIsAConflict() {
    create("web", "generic", null, null);
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));

    assertThrows(
        StateConflict.class, tx(() -> master.serviceOperations.delete(alice, "shop", "web")));
    assertEquals(1, master.countRows("services"));
  }

  @Test
  void deletingAServiceAtRestRemovesItsRows() {
    create("web", "generic", null, null);
    create("db", "mysql", null, null);

    master.run(() -> master.serviceOperations.delete(alice, "shop", "web"));

    assertEquals(
        List.of("db"),
        master.inTransaction(
            () ->
                master.serviceOperations.list(alice, "shop").stream().map(Service::name).toList()));
    assertEquals(2, master.countRows("service_roles")); // mysql: mysql and glb
  }

  @Test
  void typesTheAgentsCannotRunYetAreRefusedAtStartAndStayInInit() {
    create("db", "mysql", null, null);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> master.run(() -> master.serviceOperations.start(alice, "shop", "db")));
    assertTrue(refused.getMessage().contains("cannot start"), refused.getMessage());
    assertEquals(
        ServiceState.INIT,
        master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "db").state()));
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.Archives;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.application.ApplicationOperations.ApplicationSummary;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.ServiceState;

class ApplicationOperationsTest extends MasterTestSupport {
  private Caller alice;

  @BeforeEach
  void accounts() {
    alice = master.developer(master.admin(), "alice");
  }

  private Application create(String name, String description) {
    return master.inTransaction(
        () -> master.applicationOperations.create(alice, name, description));
  }

  private void createService(String app, String name) {
    master.run(() -> master.serviceOperations.create(alice, app, name, "generic", null, null));
  }

  @Test
  void createdApplicationsAreStoredWithTheirOwner() {
    create("shop", "the web shop");

    Application stored =
        master.inTransaction(() -> master.applicationOperations.find(alice, "shop"));
    assertEquals("shop", stored.name());
    assertEquals("the web shop", stored.description());
    assertEquals(alice.userId(), stored.owner().id());
    assertEquals(MutableClock.START, stored.createdAt());
  }

  @Test
  void listGivesTheCallersApplicationsByNameWithServiceCounts() {
    create("zoo", null);
    create("shop", null);
    createService("shop", "web");
    createService("shop", "db");

    List<ApplicationSummary> list =
        master.inTransaction(() -> master.applicationOperations.list(alice));

    assertEquals(List.of("shop", "zoo"), list.stream().map(s -> s.application().name()).toList());
    assertEquals(List.of(2L, 0L), list.stream().map(ApplicationSummary::services).toList());
    assertEquals(
        2L, master.inTransaction(() -> master.applicationOperations.get(alice, "shop")).services());
  }

  @Test
  void aDuplicateNameIsAConflict() {
    create("shop", null);
    assertThrows(
        StateConflict.class, tx(() -> master.applicationOperations.create(alice, "shop", "again")));
    assertEquals(1, master.countRows("applications"));
  }

  @Test
  void badNamesAreRuleViolations() {
    for (String name : new String[] {"", "Shop", "my_shop", "9shop", "shop-", "a".repeat(64)}) {
      RuleViolation violation =
          assertThrows(
              RuleViolation.class,
              tx(() -> master.applicationOperations.create(alice, name, null)),
              name);
      assertEquals("name", violation.errors().get(0).field());
    }
    assertThrows(
        RuleViolation.class, tx(() -> master.applicationOperations.create(alice, null, null)));
    assertEquals(0, master.countRows("applications"));
  }

  @Test
  void descriptionsAreLimitedTo1024Characters() {
    create("max", "d".repeat(1024));
    assertThrows(
        RuleViolation.class,
        tx(() -> master.applicationOperations.create(alice, "over", "d".repeat(1025))));
    assertEquals(1, master.countRows("applications"));
  }

  @Test
  void renameAndRedescribe() {
    create("shop", "old");
    createService("shop", "web");

    ApplicationSummary renamed =
        master.inTransaction(
            () ->
                master.applicationOperations.update(
                    alice, "shop", Optional.of("store"), Optional.of("new")));

    assertEquals("store", renamed.application().name());
    assertEquals(1, renamed.services());
    assertThrows(
        ResourceNotFound.class, tx(() -> master.applicationOperations.find(alice, "shop")));
    Application stored =
        master.inTransaction(() -> master.applicationOperations.find(alice, "store"));
    assertEquals("new", stored.description());
    // the services moved along with it
    assertEquals(
        "web",
        master.inTransaction(() -> master.serviceOperations.find(alice, "store", "web")).name());
  }

  @Test
  void updateLeavesAbsentFieldsAlone() {
    create("shop", "kept");

    master.run(
        () ->
            master.applicationOperations.update(alice, "shop", Optional.empty(), Optional.empty()));
    master.run(
        () ->
            master.applicationOperations.update(
                alice, "shop", Optional.of("shop"), Optional.empty()));

    assertEquals(
        "kept",
        master.inTransaction(() -> master.applicationOperations.find(alice, "shop")).description());
  }

  @Test
  void renamingOntoAnotherApplicationOrABadNameIsRefused() {
    create("shop", null);
    create("blog", null);

    assertThrows(
        StateConflict.class,
        tx(
            () ->
                master.applicationOperations.update(
                    alice, "shop", Optional.of("blog"), Optional.empty())));
    assertThrows(
        RuleViolation.class,
        tx(
            () ->
                master.applicationOperations.update(
                    alice, "shop", Optional.of("Blog!"), Optional.empty())));
    assertThrows(
        RuleViolation.class,
        tx(
            () ->
                master.applicationOperations.update(
                    alice, "shop", Optional.empty(), Optional.of("x".repeat(1025)))));
    assertNull(
        master.inTransaction(() -> master.applicationOperations.find(alice, "shop")).description());
  }

  @Test
  void deleteRemovesTheApplicationWithItsServicesAndTheirCode() {
    create("shop", null);
    createService("shop", "web");
    createService("shop", "db");
    master.run(
        () ->
            master.codeVersions.upload(
                alice,
                "shop",
                "web",
                "bundle.zip",
                new java.io.ByteArrayInputStream(Archives.sampleZip())));
    assertEquals(1, master.filesUnderDataDir().size());

    master.run(() -> master.applicationOperations.delete(alice, "shop"));

    assertThrows(
        ResourceNotFound.class, tx(() -> master.applicationOperations.find(alice, "shop")));
    assertEquals(0, master.countRows("applications"));
    assertEquals(0, master.countRows("services"));
    assertEquals(0, master.countRows("service_roles"));
    assertEquals(0, master.countRows("code_versions"));
    assertEquals(List.of(), master.filesUnderDataDir());
  }

  @Test
  void deleteIsRefusedWhileAServiceIsNotAtRest() {
    create("shop", null);
    createService("shop", "web");
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));

    StateConflict conflict =
        assertThrows(
            StateConflict.class, tx(() -> master.applicationOperations.delete(alice, "shop")));

    assertTrue(conflict.getMessage().contains("web"), conflict.getMessage());
    assertEquals(1, master.countRows("applications"));
    assertEquals(
        ServiceState.PROLOGUE,
        master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "web")).state());

    master.run(() -> master.serviceOperations.stop(alice, "shop", "web"));
    assertThrows(StateConflict.class, tx(() -> master.applicationOperations.delete(alice, "shop")));

    long id = master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "web")).id();
    master.run(() -> master.reconciler.reconcile(id));
    master.run(() -> master.applicationOperations.delete(alice, "shop"));
    assertEquals(0, master.countRows("applications"));
  }

  @Test
  void theNameIsFreeAgainAfterDelete() {
    create("shop", null);
    master.run(() -> master.applicationOperations.delete(alice, "shop"));
    create("shop", "second life");
    assertEquals(1, master.countRows("applications"));
  }

  @Test
  void unknownApplicationsAreNotFound() {
    assertThrows(ResourceNotFound.class, tx(() -> master.applicationOperations.get(alice, "nope")));
    assertThrows(
        ResourceNotFound.class, tx(() -> master.applicationOperations.delete(alice, "nope")));
  }
}

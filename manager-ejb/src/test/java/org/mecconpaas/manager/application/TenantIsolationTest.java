package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mecconpaas.manager.Archives;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.application.ServiceOperations.SpecChange;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.ServiceState;

/** Developer B must not see or touch anything of developer A's: every attempt is "not found". */
class TenantIsolationTest extends MasterTestSupport {
  private Caller admin;
  private Caller alice;
  private Caller bob;

  @BeforeEach
  void aliceHasAShopWithCode() {
    admin = master.admin();
    alice = master.developer(admin, "alice");
    bob = master.developer(admin, "bob");
    master.run(() -> master.applicationOperations.create(alice, "shop", "alice's"));
    master.run(() -> master.serviceOperations.create(alice, "shop", "web", "generic", null, null));
    master.run(
        () ->
            master.codeVersions.upload(
                alice, "shop", "web", "v1.zip", new ByteArrayInputStream(Archives.sampleZip())));
  }

  private void notFoundForBob(Executable attempt) {
    assertThrows(ResourceNotFound.class, attempt);
  }

  @Test
  void bobCannotSeeAlicesApplication() {
    notFoundForBob(tx(() -> master.applicationOperations.find(bob, "shop")));
    notFoundForBob(tx(() -> master.applicationOperations.get(bob, "shop")));
    assertEquals(List.of(), master.inTransaction(() -> master.applicationOperations.list(bob)));
  }

  @Test
  void bobCannotRenameOrDeleteAlicesApplication() {
    notFoundForBob(
        tx(
            () ->
                master.applicationOperations.update(
                    bob, "shop", Optional.of("mine"), Optional.empty())));
    notFoundForBob(tx(() -> master.applicationOperations.delete(bob, "shop")));

    assertEquals(
        "alice's",
        master.inTransaction(() -> master.applicationOperations.find(alice, "shop")).description());
  }

  @Test
  void bobCannotListCreateChangeStartStopOrDeleteAlicesServices() {
    notFoundForBob(tx(() -> master.serviceOperations.list(bob, "shop")));
    notFoundForBob(tx(() -> master.serviceOperations.find(bob, "shop", "web")));
    notFoundForBob(
        tx(() -> master.serviceOperations.create(bob, "shop", "db", "mysql", null, null)));
    notFoundForBob(
        tx(
            () ->
                master.serviceOperations.change(
                    bob,
                    "shop",
                    "web",
                    new SpecChange(Optional.of("pack"), Optional.of(Map.of("node", 3))))));
    notFoundForBob(tx(() -> master.serviceOperations.start(bob, "shop", "web")));
    notFoundForBob(tx(() -> master.serviceOperations.stop(bob, "shop", "web")));
    notFoundForBob(tx(() -> master.serviceOperations.delete(bob, "shop", "web")));

    var web = master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "web"));
    assertEquals(ServiceState.INIT, web.state());
    assertEquals(2, web.generation()); // created, then its first code version activated
    assertEquals(1, master.countRows("services"));
  }

  @Test
  void bobCannotListUploadDownloadEnableOrDeleteAlicesCode() {
    notFoundForBob(tx(() -> master.codeVersions.list(bob, "shop", "web")));
    notFoundForBob(tx(() -> master.codeVersions.download(bob, "shop", "web", 1)));
    notFoundForBob(
        tx(
            () ->
                master.codeVersions.upload(
                    bob,
                    "shop",
                    "web",
                    "evil.zip",
                    new ByteArrayInputStream(Archives.sampleZip()))));
    notFoundForBob(tx(() -> master.codeVersions.enable(bob, "shop", "web", 1)));
    notFoundForBob(tx(() -> master.codeVersions.delete(bob, "shop", "web", 1)));

    assertEquals(1, master.countRows("code_versions"));
    assertEquals(1, master.filesUnderDataDir().size());
  }

  @Test
  void anAdminHasNoBackdoorIntoAlicesApplications() {
    notFoundForBob(tx(() -> master.applicationOperations.find(admin, "shop")));
    notFoundForBob(tx(() -> master.serviceOperations.list(admin, "shop")));
    notFoundForBob(tx(() -> master.codeVersions.list(admin, "shop", "web")));
  }

  @Test
  void bobMayUseTheSameNamesForHisOwnApplication() {
    Application bobs =
        master.inTransaction(() -> master.applicationOperations.create(bob, "shop", "bob's"));
    master.run(() -> master.serviceOperations.create(bob, "shop", "web", "php", null, null));

    Application alices =
        master.inTransaction(() -> master.applicationOperations.find(alice, "shop"));
    assertNotEquals(alices.id(), bobs.id());
    assertEquals(
        "bob's",
        master.inTransaction(() -> master.applicationOperations.find(bob, "shop")).description());
    assertEquals(
        "php",
        master.inTransaction(() -> master.serviceOperations.find(bob, "shop", "web")).type());
    assertEquals(
        "generic",
        master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "web")).type());
    // Bob's service has no code: Alice's version 1 is not his
    assertEquals(
        List.of(), master.inTransaction(() -> master.codeVersions.list(bob, "shop", "web")));

    // and deleting Bob's leaves Alice's in place
    master.run(() -> master.applicationOperations.delete(bob, "shop"));
    assertEquals(1, master.countRows("applications"));
    assertEquals(1, master.countRows("code_versions"));
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.Archives;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.application.PlatformStatistics.Snapshot;
import org.mecconpaas.manager.domain.model.AccessDenied;

class PlatformStatisticsTest extends MasterTestSupport {
  @Test
  void countsWhatThePlatformHolds() {
    Caller admin = master.admin();
    Caller alice = master.developer(admin, "alice");
    master.run(() -> master.applicationOperations.create(alice, "shop", null));
    master.run(() -> master.serviceOperations.create(alice, "shop", "web", "generic", null, null));
    master.run(() -> master.serviceOperations.create(alice, "shop", "db", "mysql", null, null));
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));
    master.run(
        () ->
            master.codeVersions.upload(
                alice, "shop", "db", "schema.zip", new ByteArrayInputStream(Archives.sampleZip())));

    Snapshot snapshot = master.inTransaction(() -> master.platformStatistics.snapshot(admin));

    assertEquals(2, snapshot.users());
    assertEquals(1, snapshot.applications());
    assertEquals(Map.of("INIT", 1L, "PROLOGUE", 1L), snapshot.servicesByState());
    assertEquals(Map.of(), snapshot.nodesByState());
    assertEquals(1, snapshot.codeVersions());
    assertEquals(master.countRows("events"), snapshot.events());
    assertTrue(snapshot.events() >= 6);
  }

  @Test
  void onlyOperatorsSeeTheNumbers() {
    Caller alice = master.developer(master.admin(), "alice");
    assertThrows(AccessDenied.class, tx(() -> master.platformStatistics.snapshot(alice)));
  }

  @Test
  void theDatabaseIsUpUntilItIsGone() {
    assertTrue(master.inTransaction(() -> master.platformStatistics.databaseUp()));

    master.run(() -> master.em.createNativeQuery("DROP TABLE users CASCADE").executeUpdate());

    assertFalse(master.platformStatistics.databaseUp());
  }
}

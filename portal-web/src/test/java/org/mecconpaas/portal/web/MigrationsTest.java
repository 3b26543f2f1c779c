package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.application.Migrations.Destination;
import org.mecconpaas.portal.interfaces.web.MigrateForm;
import org.mecconpaas.portal.interfaces.web.MigrationRow;

class MigrationsTest {
  private static final Instant REQUESTED = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void timeToHealthyIsADashUntilTheDestinationRuns() {
    assertEquals("—", MigrationRow.toHealthy(REQUESTED, null));
    assertEquals("4 s", MigrationRow.toHealthy(REQUESTED, REQUESTED.plusMillis(4_200)));
  }

  @Test
  void theTotalRunsOnUntilTheMigrationEnds() {
    Instant now = REQUESTED.plusSeconds(75);
    assertEquals("1 min 15 s so far", MigrationRow.total(REQUESTED, null, now));
    assertEquals("9 s", MigrationRow.total(REQUESTED, REQUESTED.plusSeconds(9), now));
    assertEquals("—", MigrationRow.total(null, null, now));
  }

  @Test
  void aNodeIsSentByNameAndAPointByItsCoordinates() {
    MigrateForm form = new MigrateForm("s1-web-0", "n1");
    form.setNode("n3");
    form.setLatitude(52.0);
    assertEquals(new Destination("n3", null, null), form.destination());
    assertEquals("s1-web-0 moves from n1 to n3", form.describe());

    form.setMode(MigrateForm.POINT);
    form.setLongitude(4.5);
    assertEquals(new Destination(null, 52.0, 4.5), form.destination());
    assertEquals("s1-web-0 moves from n1 to the node nearest to 52.0, 4.5", form.describe());
  }

  @Test
  void refusalsGoNextToTheirInput() {
    assertEquals("node", MigrateForm.inputFor("node"));
    assertEquals("latitude", MigrateForm.inputFor("latitude"));
    assertNull(MigrateForm.inputFor("instance"));
  }
}

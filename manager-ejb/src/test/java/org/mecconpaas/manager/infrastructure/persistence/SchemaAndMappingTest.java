package org.mecconpaas.manager.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;

/** The Flyway schema and the JPA mappings agree, on a real (H2) database. */
class SchemaAndMappingTest extends MasterTestSupport {
  @Test
  void everyMigrationSucceededAndMigratingAgainDoesNothing() {
    long applied = master.countRows("\"flyway_schema_history\" WHERE \"success\" = TRUE");
    long failed = master.countRows("\"flyway_schema_history\" WHERE \"success\" = FALSE");
    assertTrue(applied >= 1, "applied " + applied);
    assertEquals(0, failed);

    MigrateResult again = SchemaMigrator.migrate(master.dataSource);

    assertEquals(0, again.migrationsExecuted);
    assertTrue(again.success);
    assertEquals(applied, master.countRows("\"flyway_schema_history\""));
  }

  @Test
  void instantsSurviveTheRoundTripExactly() {
    Instant withMicros = Instant.parse("2031-07-04T23:59:59.123456Z");
    User user =
        master.inTransaction(
            () ->
                master.users.add(
                    new User("tick", "pbkdf2-sha256$1$x$y", Role.DEVELOPER, withMicros)));

    assertEquals(
        withMicros,
        master.inTransaction(() -> master.users.byId(user.id()).orElseThrow()).createdAt());
  }

  @Test
  void instantConverterHandlesNull() {
    InstantConverter converter = new InstantConverter();
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    assertEquals(now, converter.convertToEntityAttribute(Timestamp.from(now)));
  }

  @Test
  void idsComeFromTheSequencesWithoutClashes() {
    List<Long> ids =
        master.inTransaction(
            () -> {
              java.util.ArrayList<Long> added = new java.util.ArrayList<>();
              for (int i = 0; i < 45; i++) {
                added.add(
                    master
                        .users
                        .add(new User("u" + i, "h", Role.DEVELOPER, master.clock.instant()))
                        .id());
              }
              return added;
            });
    assertEquals(45, ids.stream().distinct().count());
    assertEquals(45, master.countRows("users"));
  }

  @Test
  void serviceRolesAndEnumsAreStoredAsTheSchemaExpects() {
    User owner =
        master.inTransaction(
            () -> master.users.add(new User("owner", "h", Role.DEVELOPER, master.clock.instant())));
    Service service =
        master.inTransaction(
            () -> {
              Application app =
                  master.applications.add(
                      new Application(
                          master.users.byId(owner.id()).orElseThrow(),
                          "app",
                          null,
                          master.clock.instant()));
              return master.services.add(
                  new Service(
                      app,
                      "svc",
                      "generic",
                      PlacementPolicy.NEAR_USERS,
                      Map.of("master", 1, "node", 3),
                      master.clock.instant()));
            });

    Object[] row =
        (Object[])
            master.inTransaction(
                () ->
                    master
                        .em
                        .createNativeQuery(
                            "SELECT state, desired_state, placement_policy, generation"
                                + " FROM services WHERE id = ?1")
                        .setParameter(1, service.id())
                        .getSingleResult());
    assertEquals("INIT", row[0]);
    assertEquals("INIT", row[1]);
    assertEquals("NEAR_USERS", row[2]);
    assertEquals(1L, ((Number) row[3]).longValue());
    assertEquals(2, master.countRows("service_roles"));

    Service reloaded =
        master.inTransaction(
            () ->
                master
                    .services
                    .byName(
                        master.applications.byOwnerAndName(owner.id(), "app").orElseThrow(), "svc")
                    .orElseThrow());
    assertEquals(Map.of("master", 1, "node", 3), reloaded.roles());
  }

  @Test
  void theDatabaseEnforcesUniqueApplicationNamesPerOwner() {
    User owner =
        master.inTransaction(
            () -> master.users.add(new User("owner", "h", Role.DEVELOPER, master.clock.instant())));
    master.run(
        () ->
            master.applications.add(
                new Application(
                    master.users.byId(owner.id()).orElseThrow(),
                    "app",
                    null,
                    master.clock.instant())));

    assertThrows(
        PersistenceException.class,
        tx(
            () ->
                master.applications.add(
                    new Application(
                        master.users.byId(owner.id()).orElseThrow(),
                        "app",
                        null,
                        master.clock.instant()))));
    assertEquals(1, master.countRows("applications"));
    assertTrue(
        master
            .inTransaction(() -> master.applications.byOwnerAndName(owner.id(), "app"))
            .isPresent());
  }

  @Test
  void aRolledBackTransactionLeavesNoRows() {
    assertThrows(
        IllegalStateException.class,
        tx(
            () -> {
              master.users.add(new User("ghost", "h", Role.DEVELOPER, master.clock.instant()));
              throw new IllegalStateException("changed my mind");
            }));
    assertEquals(0, master.countRows("users"));
  }
}

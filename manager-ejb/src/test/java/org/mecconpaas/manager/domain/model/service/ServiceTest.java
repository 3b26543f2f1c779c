package org.mecconpaas.manager.domain.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mecconpaas.manager.domain.model.StateConflict;

/** The service life cycle and the generation number the reconcile loop follows. */
class ServiceTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static final Set<ServiceState> STARTABLE =
      EnumSet.of(ServiceState.INIT, ServiceState.STOPPED, ServiceState.ERROR);
  private static final Set<ServiceState> STOPPABLE =
      EnumSet.of(
          ServiceState.PROLOGUE, ServiceState.RUNNING, ServiceState.ADAPTING, ServiceState.ERROR);

  @ParameterizedTest
  @EnumSource(ServiceState.class)
  void startsOnlyFromInitStoppedOrError(ServiceState state) {
    assertEquals(STARTABLE.contains(state), state.canStart(), state.name());
  }

  @ParameterizedTest
  @EnumSource(ServiceState.class)
  void stopsOnlyFromPrologueRunningAdaptingOrError(ServiceState state) {
    assertEquals(STOPPABLE.contains(state), state.canStop(), state.name());
  }

  @ParameterizedTest
  @EnumSource(ServiceState.class)
  void isAtRestExactlyWhereItMayStart(ServiceState state) {
    assertEquals(STARTABLE.contains(state), state.isAtRest(), state.name());
  }

  private static Service fresh() {
    return new Service(
        null, "web", "generic", PlacementPolicy.SPREAD, Map.of("master", 1, "node", 0), T0);
  }

  @Test
  void aNewServiceIsInitAtGenerationOne() {
    Service service = fresh();
    assertEquals(ServiceState.INIT, service.state());
    assertEquals(ServiceState.INIT, service.desiredState());
    assertEquals(1, service.generation());
    assertNull(service.activeCodeVersion());
    assertEquals(T0, service.createdAt());
    assertEquals(T0, service.updatedAt());
  }

  @Test
  void startMovesToPrologueWantingRunningAndBumpsTheGeneration() {
    Service service = fresh();

    ServiceState previous = service.start(T1);

    assertEquals(ServiceState.INIT, previous);
    assertEquals(ServiceState.PROLOGUE, service.state());
    assertEquals(ServiceState.RUNNING, service.desiredState());
    assertEquals("waiting for placement", service.phaseMessage());
    assertEquals(2, service.generation());
    assertEquals(T1, service.updatedAt());
  }

  @Test
  void startingTwiceIsAConflictAndChangesNothing() {
    Service service = fresh();
    service.start(T1);

    StateConflict conflict = assertThrows(StateConflict.class, () -> service.start(T1));

    assertEquals("service web is PROLOGUE and cannot be started", conflict.getMessage());
    assertEquals(ServiceState.PROLOGUE, service.state());
    assertEquals(2, service.generation());
  }

  @Test
  void stopFromInitIsAConflict() {
    Service service = fresh();
    assertThrows(StateConflict.class, () -> service.stop(T1));
    assertEquals(ServiceState.INIT, service.state());
    assertEquals(1, service.generation());
  }

  @Test
  void stopGoesThroughEpilogueAndTheObservedReleaseEndsStopped() {
    Service service = fresh();
    service.start(T0);

    ServiceState previous = service.stop(T1);

    assertEquals(ServiceState.PROLOGUE, previous);
    assertEquals(ServiceState.EPILOGUE, service.state());
    assertEquals(ServiceState.STOPPED, service.desiredState());
    assertEquals(3, service.generation());

    assertEquals(
        ServiceState.EPILOGUE, service.observe(ServiceState.STOPPED, null, T1.plusSeconds(1)));
    assertEquals(ServiceState.STOPPED, service.state());
    assertNull(service.phaseMessage());
    assertEquals(T1.plusSeconds(1), service.updatedAt());
    assertEquals(3, service.generation(), "observing is no spec change");

    // and a stopped service may start again
    service.start(T1.plusSeconds(2));
    assertEquals(ServiceState.PROLOGUE, service.state());
    assertEquals(4, service.generation());
  }

  @Test
  void observingTheSameStateAndMessageChangesNothing() {
    Service service = fresh();
    service.start(T0);
    service.observe(ServiceState.PROLOGUE, "waiting for placement", T1);
    assertEquals(T0, service.updatedAt());

    service.observe(ServiceState.PROLOGUE, "1 of 2 instance(s) running", T1);
    assertEquals(T1, service.updatedAt());
    assertEquals("1 of 2 instance(s) running", service.phaseMessage());
  }

  @Test
  void stoppingAStoppedServiceIsAConflict() {
    Service service = fresh();
    service.start(T0);
    service.stop(T0);
    service.observe(ServiceState.STOPPED, null, T0);
    assertThrows(StateConflict.class, () -> service.stop(T1));
  }

  @Test
  void specChangesBumpTheGeneration() {
    Service service = fresh();

    service.respec(null, Map.of("node", 3), T1);
    assertEquals(2, service.generation());
    assertEquals(Map.of("master", 1, "node", 3), service.roles());
    assertEquals(PlacementPolicy.SPREAD, service.placementPolicy());

    service.respec(PlacementPolicy.PACK, Map.of(), T1);
    assertEquals(3, service.generation());
    assertEquals(PlacementPolicy.PACK, service.placementPolicy());
    assertEquals(Map.of("master", 1, "node", 3), service.roles());

    service.activate(7, T1);
    assertEquals(4, service.generation());
    assertEquals(7, service.activeCodeVersion());
    assertEquals(T1, service.updatedAt());
    assertEquals(ServiceState.INIT, service.state());
  }

  @Test
  void rolesAreReadOnlyFromOutside() {
    Service service = fresh();
    assertThrows(UnsupportedOperationException.class, () -> service.roles().put("node", 9));
  }
}

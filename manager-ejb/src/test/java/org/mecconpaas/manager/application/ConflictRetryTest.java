package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.OptimisticLockException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.StateConflict;

class ConflictRetryTest {
  private static RuntimeException lostRace() {
    // as the transaction interceptor reports a commit that failed on the version column
    return new IllegalStateException(
        "commit failed", new RuntimeException("rolled back", new OptimisticLockException("v")));
  }

  @Test
  void aCommandThatLostARaceRunsAgain() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        ConflictRetry.retry(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw lostRace();
              }
              return "stopped";
            });
    assertEquals("stopped", result);
    assertEquals(3, attempts.get());
  }

  @Test
  void itGivesUpAfterThreeAttemptsAndOtherErrorsAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(
        IllegalStateException.class,
        () ->
            ConflictRetry.run(
                () -> {
                  attempts.incrementAndGet();
                  throw lostRace();
                }));
    assertEquals(3, attempts.get());

    StateConflict conflict = new StateConflict("the service runs already");
    AtomicInteger once = new AtomicInteger();
    assertSame(
        conflict,
        assertThrows(
            StateConflict.class,
            () ->
                ConflictRetry.run(
                    () -> {
                      once.incrementAndGet();
                      throw conflict;
                    })));
    assertEquals(1, once.get());
  }
}

package org.mecconpaas.manager.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private static ApiToken token() {
    return new ApiToken(null, "cli", "0".repeat(64), T0, T0.plus(Duration.ofDays(1)));
  }

  @Test
  void validUntilJustBeforeExpiry() {
    ApiToken token = token();
    assertTrue(token.isValidAt(T0));
    assertTrue(token.isValidAt(T0.plus(Duration.ofDays(1)).minusMillis(1)));
    assertFalse(token.isValidAt(T0.plus(Duration.ofDays(1))));
  }

  @Test
  void revokedTokensAreInvalid() {
    ApiToken token = token();
    token.revoke(T0.plusSeconds(5));
    assertFalse(token.isValidAt(T0.plusSeconds(6)));
  }

  @Test
  void touchRecordsUseAtMostOncePerMinute() {
    ApiToken token = token();
    assertNull(token.lastUsedAt());

    token.touch(T0);
    assertEquals(T0, token.lastUsedAt());

    token.touch(T0.plusSeconds(60));
    assertEquals(T0, token.lastUsedAt());

    token.touch(T0.plusSeconds(61));
    assertEquals(T0.plusSeconds(61), token.lastUsedAt());
  }
}

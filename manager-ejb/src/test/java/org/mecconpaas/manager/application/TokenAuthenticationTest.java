package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.manager.TestingMaster.DEVELOPER_PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.application.TokenAuthentication.IssuedToken;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.user.ApiToken;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

class TokenAuthenticationTest extends MasterTestSupport {
  private Caller admin;
  private Caller alice;
  private Caller bob;

  @BeforeEach
  void accounts() {
    admin = master.admin();
    alice = master.developer(admin, "alice");
    bob = master.developer(admin, "bob");
  }

  private IssuedToken issue(String username, String name, Integer days) {
    return master.inTransaction(
        () -> master.authentication.issue(username, DEVELOPER_PASSWORD, name, days));
  }

  private Optional<Caller> authenticate(String secret) {
    return master.inTransaction(() -> master.authentication.authenticate(secret));
  }

  @Test
  void anIssuedTokenAuthenticatesItsOwner() {
    IssuedToken issued = issue("alice", "laptop", null);

    assertTrue(issued.secret().startsWith("mec_"), issued.secret());
    assertEquals("laptop", issued.token().name());
    assertEquals(MutableClock.START, issued.token().createdAt());
    assertEquals(MutableClock.START.plus(Duration.ofDays(30)), issued.token().expiresAt());

    Caller caller = authenticate(issued.secret()).orElseThrow();
    assertEquals(alice, caller);
  }

  @Test
  void onlyTheDigestOfTheSecretIsStored() {
    IssuedToken issued = issue("alice", null, null);

    Object stored =
        master.inTransaction(
            () ->
                master
                    .em
                    .createNativeQuery("SELECT token_hash FROM api_tokens WHERE id = ?1")
                    .setParameter(1, issued.token().id())
                    .getSingleResult());
    assertEquals(SecretTokens.digest(issued.secret()), stored.toString().trim());
    assertNotEquals(issued.secret(), stored.toString());
  }

  @Test
  void tokensDefaultToTheNameCli() {
    assertEquals("cli", issue("alice", null, null).token().name());
  }

  @Test
  void unknownSecretsDoNotAuthenticate() {
    issue("alice", null, null);
    assertTrue(authenticate("mec_not-a-token").isEmpty());
    assertTrue(authenticate("").isEmpty());
  }

  @Test
  void aRevokedTokenNoLongerAuthenticates() {
    IssuedToken issued = issue("alice", null, null);

    master.run(() -> master.authentication.revoke(alice, issued.token().id()));

    assertTrue(authenticate(issued.secret()).isEmpty());
    assertEquals(List.of(), master.inTransaction(() -> master.authentication.list(alice)));
  }

  @Test
  void revokingOneTokenKeepsTheOthers() {
    IssuedToken first = issue("alice", "one", null);
    IssuedToken second = issue("alice", "two", null);

    master.run(() -> master.authentication.revoke(alice, first.token().id()));

    assertTrue(authenticate(first.secret()).isEmpty());
    assertEquals(alice, authenticate(second.secret()).orElseThrow());
  }

  @Test
  void anExpiredTokenIsRefused() {
    IssuedToken issued = issue("alice", null, 1);

    master.clock.advance(Duration.ofDays(1).minusSeconds(1));
    assertTrue(authenticate(issued.secret()).isPresent());

    master.clock.advance(Duration.ofSeconds(1));
    assertTrue(authenticate(issued.secret()).isEmpty());

    // expired tokens stay listed so their owner can see and revoke them
    assertEquals(
        List.of(issued.token().id()),
        master.inTransaction(
            () -> master.authentication.list(alice).stream().map(ApiToken::id).toList()));
  }

  @Test
  void authenticationRecordsUseAtMostOnceAMinute() {
    IssuedToken issued = issue("alice", null, null);
    Instant first = master.clock.instant();

    authenticate(issued.secret());
    assertEquals(first, lastUsed(issued));

    master.clock.advance(Duration.ofSeconds(30));
    authenticate(issued.secret());
    assertEquals(first, lastUsed(issued));

    master.clock.advance(Duration.ofSeconds(31));
    authenticate(issued.secret());
    assertEquals(first.plusSeconds(61), lastUsed(issued));
  }

  private Instant lastUsed(IssuedToken issued) {
    return master.inTransaction(
        () -> master.tokens.byId(issued.token().id()).orElseThrow().lastUsedAt());
  }

  @Test
  void nobodyCanRevokeSomeoneElsesToken() {
    IssuedToken issued = issue("alice", null, null);

    assertThrows(
        ResourceNotFound.class, tx(() -> master.authentication.revoke(bob, issued.token().id())));
    assertThrows(
        ResourceNotFound.class, tx(() -> master.authentication.revoke(admin, issued.token().id())));

    assertEquals(alice, authenticate(issued.secret()).orElseThrow());
  }

  @Test
  void revokingAnUnknownTokenIsNotFound() {
    assertThrows(ResourceNotFound.class, tx(() -> master.authentication.revoke(alice, 12345L)));
  }

  @Test
  void listShowsOnlyTheCallersTokens() {
    issue("alice", "one", null);
    issue("alice", "two", null);
    issue("bob", "three", null);

    assertEquals(
        List.of("one", "two"),
        master.inTransaction(
            () -> master.authentication.list(alice).stream().map(ApiToken::name).toList()));
    assertEquals(
        List.of("three"),
        master.inTransaction(
            () -> master.authentication.list(bob).stream().map(ApiToken::name).toList()));
  }

  @Test
  void wrongPasswordsAndUnknownUsersFailAlike() {
    AuthenticationFailed wrongPassword =
        assertThrows(
            AuthenticationFailed.class,
            tx(() -> master.authentication.issue("alice", "not-the-password", null, null)));
    AuthenticationFailed unknownUser =
        assertThrows(
            AuthenticationFailed.class,
            tx(() -> master.authentication.issue("nobody", DEVELOPER_PASSWORD, null, null)));
    assertThrows(
        AuthenticationFailed.class, tx(() -> master.authentication.issue(null, null, null, null)));

    assertEquals(wrongPassword.getMessage(), unknownUser.getMessage());
    assertEquals(0, master.countRows("api_tokens"));
  }

  @Test
  void lifetimesOutsideOneToThreeHundredSixtyFiveDaysAreRefused() {
    for (int days : new int[] {0, -1, 366, 400}) {
      RuleViolation violation =
          assertThrows(
              RuleViolation.class,
              tx(() -> master.authentication.issue("alice", DEVELOPER_PASSWORD, null, days)),
              "days " + days);
      assertEquals("expiresInDays", violation.errors().get(0).field());
    }
    assertEquals(0, master.countRows("api_tokens"));

    assertEquals(
        MutableClock.START.plus(Duration.ofDays(365)),
        issue("alice", null, 365).token().expiresAt());
  }

  @Test
  void badTokenNamesAreRefused() {
    assertThrows(
        RuleViolation.class,
        tx(() -> master.authentication.issue("alice", DEVELOPER_PASSWORD, "My Laptop", null)));
  }

  @Test
  void checkPasswordGivesTheCallerWithoutIssuingAToken() {
    Caller caller =
        master.inTransaction(() -> master.authentication.checkPassword("bob", DEVELOPER_PASSWORD));
    assertEquals(bob, caller);
    assertEquals(0, master.countRows("api_tokens"));
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.TestingMaster;
import org.mecconpaas.manager.application.UserAccounts.NewAccount;
import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;

class UserAccountsTest extends MasterTestSupport {

  // ---- first start

  @Test
  void firstBootstrapCreatesAdminWithAGeneratedPasswordThatWorks() {
    NewAccount admin =
        master.inTransaction(() -> master.accounts.bootstrapAdmin(Optional.empty())).orElseThrow();

    assertEquals("admin", admin.user().username());
    assertEquals(Role.ADMIN, admin.user().role());
    String password = admin.generatedPassword().orElseThrow();
    assertTrue(password.length() >= 12, password);

    User stored = master.inTransaction(() -> master.users.byName("admin").orElseThrow());
    assertNotEquals(password, stored.passwordHash());
    assertFalse(stored.passwordHash().contains(password));
    assertTrue(stored.passwordHash().startsWith("pbkdf2-sha256$"));
    assertEquals(MutableClock.START, stored.createdAt());

    Caller caller =
        master.inTransaction(() -> master.authentication.checkPassword("admin", password));
    assertEquals(stored.id(), caller.userId());
    assertTrue(caller.isAdmin());
  }

  @Test
  void secondBootstrapDoesNothing() {
    master.inTransaction(() -> master.accounts.bootstrapAdmin(Optional.empty()));

    assertTrue(
        master.inTransaction(() -> master.accounts.bootstrapAdmin(Optional.empty())).isEmpty());
    assertTrue(
        master
            .inTransaction(() -> master.accounts.bootstrapAdmin(Optional.of("another-password-1")))
            .isEmpty());
    assertEquals(1, master.countRows("users"));
  }

  @Test
  void bootstrapWithAConfiguredPasswordShowsNoPassword() {
    NewAccount admin =
        master
            .inTransaction(() -> master.accounts.bootstrapAdmin(Optional.of("configured-secret")))
            .orElseThrow();

    assertTrue(admin.generatedPassword().isEmpty());
    master.run(() -> master.authentication.checkPassword("admin", "configured-secret"));
    assertThrows(
        AuthenticationFailed.class,
        tx(() -> master.authentication.checkPassword("admin", "configured-secreT")));
  }

  @Test
  void bootstrapDoesNotRecreateADeletedAdminWhileOtherAccountsExist() {
    Caller admin = master.admin();
    Caller ops =
        master.inTransaction(
            () ->
                Caller.of(
                    master
                        .accounts
                        .create(admin, "ops", Role.ADMIN, Optional.of("ops-password-123"))
                        .user()));
    master.run(() -> master.accounts.delete(ops, admin.userId()));

    assertTrue(
        master.inTransaction(() -> master.accounts.bootstrapAdmin(Optional.empty())).isEmpty());
    assertTrue(master.inTransaction(() -> master.users.byName("admin")).isEmpty());
  }

  // ---- operators only

  @Test
  void developersCannotListOrCreateOrDeleteUsers() {
    Caller admin = master.admin();
    Caller alice = master.developer(admin, "alice");

    assertThrows(AccessDenied.class, tx(() -> master.accounts.list(alice)));
    assertThrows(
        AccessDenied.class,
        tx(() -> master.accounts.create(alice, "mallory", Role.ADMIN, Optional.empty())));
    assertThrows(AccessDenied.class, tx(() -> master.accounts.delete(alice, admin.userId())));
    assertEquals(2, master.countRows("users"));
  }

  @Test
  void adminCreatesADeveloperWithAGeneratedPasswordShownOnce() {
    Caller admin = master.admin();

    NewAccount bob =
        master.inTransaction(
            () -> master.accounts.create(admin, "bob", Role.DEVELOPER, Optional.empty()));

    assertEquals(Role.DEVELOPER, bob.user().role());
    String password = bob.generatedPassword().orElseThrow();
    Caller caller =
        master.inTransaction(() -> master.authentication.checkPassword("bob", password));
    assertEquals("bob", caller.username());
    assertFalse(caller.isAdmin());
    assertEquals(
        List.of("admin", "bob"),
        master.inTransaction(
            () -> master.accounts.list(admin).stream().map(User::username).toList()));
  }

  @Test
  void adminCreatesAnAccountWithAGivenPassword() {
    Caller admin = master.admin();

    NewAccount carol =
        master.inTransaction(
            () -> master.accounts.create(admin, "carol", Role.ADMIN, Optional.of("exactly12chr")));

    assertTrue(carol.generatedPassword().isEmpty());
    assertTrue(
        master
            .inTransaction(() -> master.authentication.checkPassword("carol", "exactly12chr"))
            .isAdmin());
  }

  @Test
  void passwordsShorterThanTwelveCharactersAreRefused() {
    Caller admin = master.admin();

    RuleViolation violation =
        assertThrows(
            RuleViolation.class,
            tx(
                () ->
                    master.accounts.create(
                        admin, "dave", Role.DEVELOPER, Optional.of("eleven-char"))));

    assertEquals("password", violation.errors().get(0).field());
    assertTrue(master.inTransaction(() -> master.users.byName("dave")).isEmpty());
  }

  @Test
  void badUsernamesAndMissingRolesAreRefused() {
    Caller admin = master.admin();
    for (String name : new String[] {"Bob", "bob_1", "1bob", "", "bob-"}) {
      assertThrows(
          RuleViolation.class,
          tx(() -> master.accounts.create(admin, name, Role.DEVELOPER, Optional.empty())),
          name);
    }
    RuleViolation noRole =
        assertThrows(
            RuleViolation.class,
            tx(() -> master.accounts.create(admin, "bob", null, Optional.empty())));
    assertEquals("role", noRole.errors().get(0).field());
    assertEquals(1, master.countRows("users"));
  }

  @Test
  void duplicateUsernamesAreAConflict() {
    Caller admin = master.admin();
    master.developer(admin, "alice");

    assertThrows(
        StateConflict.class,
        tx(() -> master.accounts.create(admin, "alice", Role.ADMIN, Optional.empty())));
    assertThrows(
        StateConflict.class,
        tx(() -> master.accounts.create(admin, "admin", Role.ADMIN, Optional.empty())));
    assertEquals(2, master.countRows("users"));
  }

  @Test
  void deletingAUserRemovesTheAccountAndItsTokens() {
    Caller admin = master.admin();
    Caller alice = master.developer(admin, "alice");
    String secret =
        master
            .inTransaction(
                () ->
                    master.authentication.issue(
                        "alice", TestingMaster.DEVELOPER_PASSWORD, null, null))
            .secret();

    master.run(() -> master.accounts.delete(admin, alice.userId()));

    assertTrue(master.inTransaction(() -> master.users.byId(alice.userId())).isEmpty());
    assertEquals(0, master.countRows("api_tokens"));
    assertTrue(master.inTransaction(() -> master.authentication.authenticate(secret)).isEmpty());
  }

  @Test
  void deletingAUserWhoOwnsApplicationsIsAConflict() {
    Caller admin = master.admin();
    Caller alice = master.developer(admin, "alice");
    master.run(() -> master.applicationOperations.create(alice, "shop", null));

    StateConflict conflict =
        assertThrows(StateConflict.class, tx(() -> master.accounts.delete(admin, alice.userId())));

    assertTrue(conflict.getMessage().contains("still owns 1 application"), conflict.getMessage());
    assertTrue(master.inTransaction(() -> master.users.byId(alice.userId())).isPresent());
  }

  @Test
  void deletingOneselfIsAConflict() {
    Caller admin = master.admin();

    assertThrows(StateConflict.class, tx(() -> master.accounts.delete(admin, admin.userId())));
    assertEquals(1, master.countRows("users"));
  }

  @Test
  void deletingAnUnknownUserIsNotFound() {
    Caller admin = master.admin();
    assertThrows(ResourceNotFound.class, tx(() -> master.accounts.delete(admin, 999_999L)));
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingMaster;
import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.StateConflict;

class AccountStatusTest extends MasterTestSupport {
  private AccountStatus status;
  private Caller admin;
  private Caller alice;

  @BeforeEach
  void accounts() {
    status = new AccountStatus(master.users, master.audit, master.clock);
    admin = master.admin();
    alice = master.developer(admin, "alice");
  }

  @Test
  void aDisabledUserCannotSignInNorUseTokensUntilEnabledAgain() {
    String token =
        master.inTransaction(
            () ->
                master
                    .authentication
                    .issue("alice", TestingMaster.DEVELOPER_PASSWORD, "cli", null)
                    .secret());
    master.run(() -> master.applicationOperations.create(alice, "shop", null));

    master.run(() -> status.setDisabled(admin, alice.userId(), true));

    assertFalse(master.inTransaction(() -> status.isActive(alice.userId())));
    assertThrows(
        AuthenticationFailed.class,
        tx(() -> master.authentication.checkPassword("alice", TestingMaster.DEVELOPER_PASSWORD)));
    assertTrue(master.inTransaction(() -> master.authentication.authenticate(token)).isEmpty());
    assertEquals(1, master.inTransaction(() -> master.applicationOperations.list(alice)).size());

    master.run(() -> status.setDisabled(admin, alice.userId(), false));

    assertTrue(master.inTransaction(() -> status.isActive(alice.userId())));
    assertTrue(master.inTransaction(() -> master.authentication.authenticate(token)).isPresent());
    assertEquals(
        alice,
        master.inTransaction(
            () -> master.authentication.checkPassword("alice", TestingMaster.DEVELOPER_PASSWORD)));
  }

  @Test
  void onlyOperatorsDisableAndNeverThemselves() {
    assertThrows(AccessDenied.class, tx(() -> status.setDisabled(alice, admin.userId(), true)));
    assertThrows(StateConflict.class, tx(() -> status.setDisabled(admin, admin.userId(), true)));
    assertThrows(ResourceNotFound.class, tx(() -> status.setDisabled(admin, 999_999, true)));
    assertTrue(master.inTransaction(() -> status.isActive(admin.userId())));
    assertFalse(master.inTransaction(() -> status.isActive(999_999)));
  }
}

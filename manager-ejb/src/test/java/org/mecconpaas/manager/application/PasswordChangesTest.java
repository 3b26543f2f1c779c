package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.TestingMaster;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.RuleViolation;

class PasswordChangesTest extends MasterTestSupport {
  @Test
  void theFirstAdminReplacesThePrintedPassword() {
    PasswordChanges passwords = new PasswordChanges(master.users, master.hasher, master.audit);
    Caller admin = master.admin();
    String next = "a much longer new password";

    RuleViolation wrong =
        assertThrows(RuleViolation.class, tx(() -> passwords.change(admin, "not it", next)));
    assertEquals("currentPassword", wrong.errors().get(0).field());
    RuleViolation shortOne =
        assertThrows(
            RuleViolation.class,
            tx(() -> passwords.change(admin, TestingMaster.ADMIN_PASSWORD, "short")));
    assertEquals("newPassword", shortOne.errors().get(0).field());

    master.run(() -> passwords.change(admin, TestingMaster.ADMIN_PASSWORD, next));

    assertEquals(
        admin, master.inTransaction(() -> master.authentication.checkPassword("admin", next)));
    assertThrows(
        AuthenticationFailed.class,
        tx(() -> master.authentication.checkPassword("admin", TestingMaster.ADMIN_PASSWORD)));
  }
}

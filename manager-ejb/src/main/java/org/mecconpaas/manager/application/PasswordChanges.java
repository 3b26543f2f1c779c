package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;
import org.mecconpaas.manager.infrastructure.security.PasswordHasher;

/**
 * Users change their own password, knowing the current one. The first admin does this right after
 * the first start, since the generated password was printed to a console.
 */
@ApplicationScoped
@Transactional
public class PasswordChanges {
  private UserRepository users;
  private PasswordHasher hasher;
  private AuditTrail audit;

  protected PasswordChanges() {}

  @Inject
  public PasswordChanges(UserRepository users, PasswordHasher hasher, AuditTrail audit) {
    this.users = users;
    this.hasher = hasher;
    this.audit = audit;
  }

  public void change(Caller caller, String currentPassword, String newPassword) {
    User user = users.byId(caller.userId()).orElseThrow();
    if (currentPassword == null || !hasher.matches(currentPassword, user.passwordHash())) {
      audit.failure(
          caller.username(), "user.password", caller.userId(), null, null, "wrong password");
      throw new RuleViolation("currentPassword", "the current password is not right");
    }
    if (newPassword == null || newPassword.length() < UserAccounts.MIN_PASSWORD_LENGTH) {
      throw new RuleViolation(
          "newPassword",
          "the new password must have at least "
              + UserAccounts.MIN_PASSWORD_LENGTH
              + " characters");
    }
    if (newPassword.equals(currentPassword)) {
      throw new RuleViolation("newPassword", "the new password must differ from the current one");
    }
    user.changePassword(hasher.hash(newPassword));
    audit.success(caller.username(), "user.password", caller.userId(), null, null, null);
  }
}

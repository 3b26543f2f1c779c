package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;

/**
 * Operators disable accounts rather than delete them when their owner should stop using the
 * platform for a while: sign-in and API tokens are refused, applications and the trail stay.
 */
@ApplicationScoped
@Transactional
public class AccountStatus {
  private UserRepository users;
  private AuditTrail audit;
  private Clock clock;

  protected AccountStatus() {}

  @Inject
  public AccountStatus(UserRepository users, AuditTrail audit, Clock clock) {
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** Disables or enables an account; operators cannot lock themselves out. */
  public User setDisabled(Caller caller, long userId, boolean disabled) {
    caller.requireAdmin();
    User user =
        users.byId(userId).orElseThrow(() -> new ResourceNotFound("user " + userId + " not found"));
    if (disabled && user.id() == caller.userId()) {
      throw new StateConflict("you cannot disable your own account");
    }
    if (disabled) {
      user.disable(clock.instant());
    } else {
      user.enable();
    }
    audit.success(
        caller.username(),
        disabled ? "user.disable" : "user.enable",
        null,
        null,
        null,
        user.username());
    return user;
  }

  /** True while the account exists and is not disabled: sessions of others end. */
  public boolean isActive(long userId) {
    return users.byId(userId).map(u -> !u.disabled()).orElse(false);
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.manager.infrastructure.persistence.ApplicationRepository;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;
import org.mecconpaas.manager.infrastructure.security.PasswordHasher;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

/** Accounts: the first admin, and the ones operators create and delete. */
@ApplicationScoped
@Transactional
public class UserAccounts {
  static final int MIN_PASSWORD_LENGTH = 12;

  /** A new account; {@code generatedPassword} is present when the master chose the password. */
  public record NewAccount(User user, Optional<String> generatedPassword) {}

  private UserRepository users;
  private ApplicationRepository applications;
  private PasswordHasher hasher;
  private AuditTrail audit;
  private Clock clock;

  protected UserAccounts() {}

  @Inject
  public UserAccounts(
      UserRepository users,
      ApplicationRepository applications,
      PasswordHasher hasher,
      AuditTrail audit,
      Clock clock) {
    this.users = users;
    this.applications = applications;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates the {@code admin} account on a master with no accounts at all.
   *
   * @return the new admin, with its password when it was generated; empty on later starts
   */
  public Optional<NewAccount> bootstrapAdmin(Optional<String> configuredPassword) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    return Optional.of(create("admin", Role.ADMIN, configuredPassword, "system"));
  }

  public NewAccount create(Caller caller, String username, Role role, Optional<String> password) {
    caller.requireAdmin();
    return create(username, role, password, caller.username());
  }

  private NewAccount create(String username, Role role, Optional<String> password, String actor) {
    DnsLabel.require("username", username);
    if (role == null) {
      throw new RuleViolation("role", "role must be ADMIN or DEVELOPER");
    }
    password.ifPresent(UserAccounts::checkStrength);
    if (users.byName(username).isPresent()) {
      throw new StateConflict("user " + username + " already exists");
    }
    String chosen = password.orElseGet(SecretTokens::generatePassword);
    User user = users.add(new User(username, hasher.hash(chosen), role, clock.instant()));
    audit.success(actor, "user.create", null, null, null, username + " as " + role);
    return new NewAccount(user, password.isPresent() ? Optional.empty() : Optional.of(chosen));
  }

  private static void checkStrength(String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new RuleViolation(
          "password", "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }

  public List<User> list(Caller caller) {
    caller.requireAdmin();
    return users.all();
  }

  /** Deletes an account with its tokens. Accounts that still own applications are kept. */
  public void delete(Caller caller, long userId) {
    caller.requireAdmin();
    User user =
        users.byId(userId).orElseThrow(() -> new ResourceNotFound("user " + userId + " not found"));
    if (user.id() == caller.userId()) {
      throw new StateConflict("you cannot delete your own account");
    }
    long owned = applications.countOfOwner(user.id());
    if (owned > 0) {
      throw new StateConflict(
          "user "
              + user.username()
              + " still owns "
              + owned
              + " application(s); delete them first");
    }
    users.remove(user);
    audit.success(caller.username(), "user.delete", null, null, null, user.username());
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.application.AccountStatus;
import org.mecconpaas.manager.application.UserAccounts;
import org.mecconpaas.manager.application.UserAccounts.NewAccount;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Operators: accounts, create (a generated password is shown once), disable, enable, delete. */
@Named
@ViewScoped
public class UsersBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An account in the table. */
  public record UserRow(
      long id, String username, String role, Instant createdAt, boolean disabled, boolean self)
      implements Serializable {}

  @Inject private transient UserAccounts accounts;
  @Inject private transient AccountStatus status;
  @Inject private transient CurrentCaller caller;

  private List<UserRow> rows;
  private String username;
  private String role = Role.DEVELOPER.name();
  private String password;
  private String createdName;
  private String generatedPassword;

  @PostConstruct
  public void load() {
    long me = caller.get().userId();
    rows =
        accounts.list(caller.get()).stream()
            .map(
                u ->
                    new UserRow(
                        u.id(),
                        u.username(),
                        u.role().name(),
                        u.createdAt(),
                        u.disabled(),
                        u.id() == me))
            .toList();
  }

  public void create() {
    generatedPassword = null;
    try {
      NewAccount created =
          accounts.create(
              caller.get(),
              username,
              Role.valueOf(role),
              Optional.ofNullable(password).filter(p -> !p.isEmpty()));
      createdName = created.user().username();
      generatedPassword = created.generatedPassword().orElse(null);
      Feedback.info("Account " + createdName + " created as " + role);
      username = null;
      password = null;
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of(
              "username", "create:username", "role", "create:role", "password", "create:password"),
          "create:username");
    }
    load();
  }

  public void dismissPassword() {
    generatedPassword = null;
  }

  public void disable(UserRow row) {
    setDisabled(row, true);
  }

  public void enable(UserRow row) {
    setDisabled(row, false);
  }

  private void setDisabled(UserRow row, boolean disabled) {
    try {
      status.setDisabled(caller.get(), row.id(), disabled);
      Feedback.info(
          "Account " + row.username() + (disabled ? " disabled: it cannot sign in" : " enabled"));
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  public void delete(UserRow row) {
    try {
      accounts.delete(caller.get(), row.id());
      Feedback.info("Account " + row.username() + " deleted");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  public List<String> getRoles() {
    return List.of(Role.DEVELOPER.name(), Role.ADMIN.name());
  }

  public List<UserRow> getRows() {
    return rows;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username == null ? null : username.trim();
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getCreatedName() {
    return createdName;
  }

  public String getGeneratedPassword() {
    return generatedPassword;
  }
}

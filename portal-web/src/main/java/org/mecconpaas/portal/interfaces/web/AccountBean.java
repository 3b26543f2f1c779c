package org.mecconpaas.portal.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.application.PasswordChanges;
import org.mecconpaas.manager.application.TokenAuthentication;
import org.mecconpaas.manager.application.TokenAuthentication.IssuedToken;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The user's own page: API tokens for the CLI and scripts (a new token is shown once), and the
 * password. Issuing a token asks for the password again: a token is a credential of its own.
 */
@Named
@ViewScoped
public class AccountBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A token in the list; its secret is never kept. */
  public record TokenRow(
      long id,
      String name,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean expired)
      implements Serializable {}

  @Inject private transient TokenAuthentication tokens;
  @Inject private transient PasswordChanges passwords;
  @Inject private transient CurrentCaller caller;

  private List<TokenRow> rows;
  private String tokenName = "cli";
  private Integer tokenDays = 30;
  private String tokenPassword;
  private String issuedName;
  private String issuedSecret;
  private String currentPassword;
  private String newPassword;
  private String repeatPassword;

  @PostConstruct
  void load() {
    Instant now = Instant.now();
    rows =
        tokens.list(caller.get()).stream()
            .map(
                t ->
                    new TokenRow(
                        t.id(),
                        t.name(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.lastUsedAt(),
                        !now.isBefore(t.expiresAt())))
            .toList();
  }

  public void createToken() {
    issuedSecret = null;
    try {
      IssuedToken issued =
          tokens.issue(caller.get().username(), tokenPassword, tokenName, tokenDays);
      issuedName = issued.token().name();
      issuedSecret = issued.secret();
    } catch (AuthenticationFailed wrong) {
      Feedback.error("tokens:tokenPassword", "that is not your password");
    } catch (DomainException refused) {
      Feedback.refused(
          refused, Map.of("name", "tokens:tokenName", "expiresInDays", "tokens:tokenDays"));
    }
    tokenPassword = null;
    load();
  }

  /** Forgets the secret once the user has copied it. */
  public void dismissSecret() {
    issuedSecret = null;
    issuedName = null;
  }

  public void revoke(TokenRow row) {
    try {
      tokens.revoke(caller.get(), row.id());
      Feedback.info("Token " + row.name() + " revoked");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  public void changePassword() {
    if (newPassword == null || !newPassword.equals(repeatPassword)) {
      Feedback.error("password:repeatPassword", "the two new passwords differ");
      return;
    }
    try {
      passwords.change(caller.get(), currentPassword, newPassword);
      Feedback.info("Password changed");
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of(
              "currentPassword",
              "password:currentPassword",
              "newPassword",
              "password:newPassword"));
    }
    currentPassword = null;
    newPassword = null;
    repeatPassword = null;
  }

  public List<TokenRow> getRows() {
    return rows;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName == null ? null : tokenName.trim();
  }

  public Integer getTokenDays() {
    return tokenDays;
  }

  public void setTokenDays(Integer tokenDays) {
    this.tokenDays = tokenDays;
  }

  public String getTokenPassword() {
    return tokenPassword;
  }

  public void setTokenPassword(String tokenPassword) {
    this.tokenPassword = tokenPassword;
  }

  public String getIssuedName() {
    return issuedName;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatPassword() {
    return repeatPassword;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.user.ApiToken;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.manager.infrastructure.persistence.TokenRepository;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;
import org.mecconpaas.manager.infrastructure.security.PasswordHasher;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

/** Passwords in, bearer tokens out; and bearer tokens back to callers. */
@ApplicationScoped
@Transactional
public class TokenAuthentication {
  static final int MAX_LIFETIME_DAYS = 365;
  private static final String WRONG_CREDENTIALS = "wrong username or password";

  /** A token just issued: the only moment its secret is known. */
  public record IssuedToken(ApiToken token, String secret) {}

  private UserRepository users;
  private TokenRepository tokens;
  private PasswordHasher hasher;
  private AuditTrail audit;
  private Clock clock;
  private Duration defaultLifetime;

  protected TokenAuthentication() {}

  @Inject
  public TokenAuthentication(
      UserRepository users,
      TokenRepository tokens,
      PasswordHasher hasher,
      AuditTrail audit,
      Clock clock,
      org.mecconpaas.manager.infrastructure.config.MasterSettings settings) {
    this(users, tokens, hasher, audit, clock, settings.defaultTokenLifetime());
  }

  public TokenAuthentication(
      UserRepository users,
      TokenRepository tokens,
      PasswordHasher hasher,
      AuditTrail audit,
      Clock clock,
      Duration defaultLifetime) {
    this.users = users;
    this.tokens = tokens;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
    this.defaultLifetime = defaultLifetime;
  }

  /** Checks a password; the same answer for unknown users and wrong passwords. */
  public Caller checkPassword(String username, String password) {
    Optional<User> user = users.byName(username == null ? "" : username);
    if (user.isEmpty()
        || password == null
        || !hasher.matches(password, user.get().passwordHash())) {
      audit.failure(String.valueOf(username), "auth.login", null, null, null, WRONG_CREDENTIALS);
      throw new AuthenticationFailed(WRONG_CREDENTIALS);
    }
    if (user.get().disabled()) {
      // the same answer as a wrong password: whether an account exists stays private
      audit.failure(username, "auth.login", null, null, null, "account disabled");
      throw new AuthenticationFailed(WRONG_CREDENTIALS);
    }
    return Caller.of(user.get());
  }

  /** Exchanges a username and password for a new bearer token. */
  public IssuedToken issue(
      String username, String password, String tokenName, Integer lifetimeDays) {
    String name = tokenName == null ? "cli" : DnsLabel.require("name", tokenName);
    Duration lifetime = lifetime(lifetimeDays);
    Caller caller = checkPassword(username, password);
    User user = users.byId(caller.userId()).orElseThrow();
    String secret = SecretTokens.generate("mec");
    Instant now = clock.instant();
    ApiToken token =
        tokens.add(new ApiToken(user, name, SecretTokens.digest(secret), now, now.plus(lifetime)));
    audit.success(
        caller.username(), "auth.token.issue", caller.userId(), null, null, "token " + name);
    return new IssuedToken(token, secret);
  }

  private Duration lifetime(Integer days) {
    if (days == null) {
      return defaultLifetime;
    }
    if (days < 1 || days > MAX_LIFETIME_DAYS) {
      throw new RuleViolation(
          "expiresInDays", "expiresInDays must be between 1 and " + MAX_LIFETIME_DAYS);
    }
    return Duration.ofDays(days);
  }

  /** The caller a presented token stands for, if it is known, unrevoked and unexpired. */
  public Optional<Caller> authenticate(String secret) {
    Instant now = clock.instant();
    return tokens
        .byHash(SecretTokens.digest(secret))
        .filter(t -> t.isValidAt(now) && !t.user().disabled())
        .map(
            t -> {
              t.touch(now);
              return Caller.of(t.user());
            });
  }

  public List<ApiToken> list(Caller caller) {
    return tokens.ofUser(caller.userId());
  }

  /** Revokes one of the caller's own tokens; others' tokens are not found. */
  public void revoke(Caller caller, long tokenId) {
    ApiToken token =
        tokens
            .byId(tokenId)
            .filter(t -> t.user().id() == caller.userId())
            .orElseThrow(() -> new ResourceNotFound("token " + tokenId + " not found"));
    token.revoke(clock.instant());
    audit.success(
        caller.username(),
        "auth.token.revoke",
        caller.userId(),
        null,
        null,
        "token " + token.name());
  }
}

package org.mecconpaas.manager.application;

import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;

/** The authenticated user on whose behalf a use case runs. */
public record Caller(long userId, String username, Role role) {
  public static Caller of(User user) {
    return new Caller(user.id(), user.username(), user.role());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Operator-only operations: the endpoint's existence is public, so 403 leaks nothing. */
  public void requireAdmin() {
    if (!isAdmin()) {
      throw new AccessDenied("this operation needs the ADMIN role");
    }
  }
}

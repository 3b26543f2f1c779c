package org.mecconpaas.manager.domain.model.user;

/** What an account may do: developers own applications, admins also operate the platform. */
public enum Role {
  ADMIN,
  DEVELOPER
}

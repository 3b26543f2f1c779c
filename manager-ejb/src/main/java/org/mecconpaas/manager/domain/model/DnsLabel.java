package org.mecconpaas.manager.domain.model;

import java.util.regex.Pattern;

/**
 * Names of users, applications, services and nodes end up in host names, container names and paths
 * on the boards, so they are restricted to DNS labels (RFC 1123, lower case).
 */
public final class DnsLabel {
  /** The same rule as a regular expression, for Bean Validation on request DTOs. */
  public static final String REGEX = "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private DnsLabel() {}

  public static boolean isValid(String name) {
    return name != null && PATTERN.matcher(name).matches();
  }

  /** Returns the name, or throws a {@link RuleViolation} naming the field. */
  public static String require(String field, String name) {
    if (!isValid(name)) {
      throw new RuleViolation(
          field,
          field
              + " must be 1-63 characters of a-z, 0-9 and '-', start with a letter and not end"
              + " with '-'");
    }
    return name;
  }
}

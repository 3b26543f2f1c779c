package org.mecconpaas.catalog;

/**
 * One role of a service type: how many instances it may have and how many a fresh service starts
 * with.
 *
 * @param name role name, e.g. {@code jobmanager}
 * @param description one line for people
 * @param min fewest instances while the service runs
 * @param max most instances while the service runs
 * @param startCount instances in the default start set
 */
public record RoleSpec(String name, String description, int min, int max, int startCount) {
  public RoleSpec {
    if (min < 0 || max < min || startCount < min || startCount > max) {
      throw new IllegalArgumentException(
          "role "
              + name
              + ": need 0 <= min <= start <= max, got "
              + min
              + "/"
              + startCount
              + "/"
              + max);
    }
  }

  /** A role that exists exactly once, such as a master or a proxy. */
  public static RoleSpec single(String name, String description) {
    return new RoleSpec(name, description, 1, 1, 1);
  }

  /** A role that scales horizontally between {@code min} and {@code max}. */
  public static RoleSpec scalable(
      String name, String description, int min, int max, int startCount) {
    return new RoleSpec(name, description, min, max, startCount);
  }
}

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
 * @param cpuMillis CPU one instance is given (and placement reserves), thousandths of a core
 * @param memoryMiB memory one instance is given (and placement reserves); never overcommitted
 */
public record RoleSpec(
    String name,
    String description,
    int min,
    int max,
    int startCount,
    int cpuMillis,
    int memoryMiB) {

  /** What an instance gets unless its role asks for more: enough for a script or a small daemon. */
  public static final int DEFAULT_CPU_MILLIS = 250;

  public static final int DEFAULT_MEMORY_MIB = 128;

  public RoleSpec(String name, String description, int min, int max, int startCount) {
    this(name, description, min, max, startCount, DEFAULT_CPU_MILLIS, DEFAULT_MEMORY_MIB);
  }

  public RoleSpec {
    if (cpuMillis <= 0 || memoryMiB <= 0) {
      throw new IllegalArgumentException("role " + name + ": needs positive CPU and memory");
    }
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

  /** The same role with its instances' resources. */
  public RoleSpec withResources(int cpu, int memory) {
    return new RoleSpec(name, description, min, max, startCount, cpu, memory);
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

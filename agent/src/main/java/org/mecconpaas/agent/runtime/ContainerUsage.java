package org.mecconpaas.agent.runtime;

/**
 * What a container's processes use, summed over its live processes.
 *
 * @param cpuNanos CPU time used so far (user and system) by the live processes
 * @param memoryBytes resident memory now
 */
public record ContainerUsage(long cpuNanos, long memoryBytes) {
  public static final ContainerUsage NONE = new ContainerUsage(0, 0);

  public ContainerUsage plus(ContainerUsage other) {
    return new ContainerUsage(cpuNanos + other.cpuNanos, memoryBytes + other.memoryBytes);
  }
}

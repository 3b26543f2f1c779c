package org.mecconpaas.agent.runtime;

/**
 * What a container must be: a deterministic name (so a retried create adopts the existing one) and
 * its limits.
 *
 * @param name the instance id, e.g. {@code s12-node-1}; unique on the node
 * @param cpuMillis CPU quota in thousandths of a core; 0 for no limit
 * @param memoryMiB memory limit; 0 for no limit
 */
public record ContainerSpec(String name, int cpuMillis, int memoryMiB) {}

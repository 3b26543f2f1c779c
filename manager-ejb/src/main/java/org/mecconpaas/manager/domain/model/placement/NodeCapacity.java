package org.mecconpaas.manager.domain.model.placement;

/**
 * A node as placement sees it.
 *
 * @param schedulable UP and not drained: may take new instances
 * @param healthy not DOWN and not draining: its instances may stay
 * @param usedCpuMillis capacity taken by the instances already placed here, of every service
 * @param instancesOfService instances of the service being planned already here
 * @param position where the node is, or null when unknown
 * @param labels the operator's labels of the node
 */
public record NodeCapacity(
    long nodeId,
    String name,
    int cpuMillis,
    int memoryMiB,
    boolean schedulable,
    boolean healthy,
    int usedCpuMillis,
    int usedMemoryMiB,
    int instancesOfService,
    int instancesTotal,
    GeoPoint position,
    java.util.Set<String> labels) {

  public NodeCapacity {
    labels = labels == null ? java.util.Set.of() : java.util.Set.copyOf(labels);
  }

  /** A node whose position and labels do not matter to the caller. */
  public NodeCapacity(
      long nodeId,
      String name,
      int cpuMillis,
      int memoryMiB,
      boolean schedulable,
      boolean healthy,
      int usedCpuMillis,
      int usedMemoryMiB,
      int instancesOfService,
      int instancesTotal) {
    this(
        nodeId,
        name,
        cpuMillis,
        memoryMiB,
        schedulable,
        healthy,
        usedCpuMillis,
        usedMemoryMiB,
        instancesOfService,
        instancesTotal,
        null,
        java.util.Set.of());
  }

  public boolean fits(ResourceRequest request) {
    return schedulable
        && cpuMillis - usedCpuMillis >= request.cpuMillis()
        && memoryMiB - usedMemoryMiB >= request.memoryMiB();
  }

  NodeCapacity plus(ResourceRequest request) {
    return new NodeCapacity(
        nodeId,
        name,
        cpuMillis,
        memoryMiB,
        schedulable,
        healthy,
        usedCpuMillis + request.cpuMillis(),
        usedMemoryMiB + request.memoryMiB(),
        instancesOfService + 1,
        instancesTotal + 1,
        position,
        labels);
  }
}

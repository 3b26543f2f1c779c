package org.mecconpaas.manager.domain.model.placement;

/**
 * What one instance takes from its node. One size for every role for now: a quarter of a Raspberry
 * Pi core and 128 MiB, so a 1 GiB board holds about eight instances.
 */
public record ResourceRequest(int cpuMillis, int memoryMiB) {
  public static final ResourceRequest DEFAULT = new ResourceRequest(250, 128);
}

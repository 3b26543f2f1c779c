package org.mecconpaas.manager.domain.model.placement;

import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceType;

/**
 * What one instance takes from its node: what its catalog role asks for (a generic instance a
 * quarter of a Raspberry Pi core and 128 MiB, a Flink TaskManager half a core and 832 MiB).
 */
public record ResourceRequest(int cpuMillis, int memoryMiB) {
  public static final ResourceRequest DEFAULT =
      new ResourceRequest(RoleSpec.DEFAULT_CPU_MILLIS, RoleSpec.DEFAULT_MEMORY_MIB);

  public static ResourceRequest of(RoleSpec role) {
    return new ResourceRequest(role.cpuMillis(), role.memoryMiB());
  }

  /** The request of a role of the type; the default for a role the catalog does not list. */
  public static ResourceRequest of(ServiceType type, String role) {
    return type.role(role).map(ResourceRequest::of).orElse(DEFAULT);
  }

  public ResourceRequest plus(ResourceRequest other) {
    return new ResourceRequest(cpuMillis + other.cpuMillis, memoryMiB + other.memoryMiB);
  }
}

package org.mecconpaas.manager.domain.model.service;

import java.util.Arrays;
import java.util.Optional;

/** Where a service's instances should run on the edge. */
public enum PlacementPolicy {
  /** One instance per node as far as possible: survives node failures. */
  SPREAD("spread"),
  /** As few nodes as possible: leaves boards free for others. */
  PACK("pack"),
  /** Within a radius of a fixed point. */
  NEAR("near"),
  /** Follow the service's users from access point to access point. */
  NEAR_USERS("near-users");

  private final String label;

  PlacementPolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<PlacementPolicy> ofLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }
}

package org.mecconpaas.manager.domain.model.placement;

import java.util.List;

/**
 * What to change so a service's instances match its spec.
 *
 * @param creates new instances and their nodes
 * @param moves instances whose node is down or drained, and where they go
 * @param removals names of instances no longer wanted
 * @param unplaceable wanted instances (role and slot) that no node can take now
 */
public record PlacementPlan(
    List<Placement> creates, List<Placement> moves, List<String> removals, List<Slot> unplaceable) {

  /** A role's slot, e.g. the second {@code node} is ({@code node}, 1). */
  public record Slot(String role, int slot) {}

  /** An instance (new or existing) and the node it goes to. */
  public record Placement(Slot slot, long nodeId) {}

  public boolean isEmpty() {
    return creates.isEmpty() && moves.isEmpty() && removals.isEmpty();
  }

  public boolean changesMembership() {
    return !isEmpty();
  }
}

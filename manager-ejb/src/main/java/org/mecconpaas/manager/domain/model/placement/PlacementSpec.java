package org.mecconpaas.manager.domain.model.placement;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;

/**
 * Where a service wants its instances: its policy with what the policy needs (the point and radius
 * of {@code near}, where the service's users are for {@code near-users}) and the node labels every
 * instance's node must carry.
 *
 * @param users the access points the service's users are associated with now, one entry per user
 */
public record PlacementSpec(
    PlacementPolicy policy,
    Optional<GeoPoint> near,
    double nearRadiusMeters,
    Set<String> labels,
    List<GeoPoint> users) {

  public PlacementSpec {
    labels = Set.copyOf(labels);
    users = List.copyOf(users);
  }

  /** A policy without location or labels. */
  public static PlacementSpec of(PlacementPolicy policy) {
    return new PlacementSpec(policy, Optional.empty(), 0, Set.of(), List.of());
  }

  /** Whether a node may take an instance at all: labels and, for {@code near}, the radius. */
  public boolean admits(NodeCapacity node) {
    if (!node.labels().containsAll(labels)) {
      return false;
    }
    if (policy == PlacementPolicy.NEAR && near.isPresent()) {
      return node.position() != null
          && node.position().distanceMeters(near.get()) <= nearRadiusMeters;
    }
    return true;
  }
}

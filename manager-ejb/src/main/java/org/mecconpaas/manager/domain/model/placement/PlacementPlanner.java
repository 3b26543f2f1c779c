package org.mecconpaas.manager.domain.model.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mecconpaas.manager.domain.model.placement.PlacementPlan.Placement;
import org.mecconpaas.manager.domain.model.placement.PlacementPlan.Slot;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;

/**
 * Computes a placement plan. Pure and deterministic: the same inputs always give the same plan,
 * ties broken by node name, so a retried reconcile pass makes the same decisions.
 */
public final class PlacementPlanner {
  private final Function<String, ResourceRequest> requestOfRole;

  /** Every role's instances take the same. */
  public PlacementPlanner(ResourceRequest request) {
    this(role -> request);
  }

  /** Instances take what their role asks for. */
  public PlacementPlanner(Function<String, ResourceRequest> requestOfRole) {
    this.requestOfRole = requestOfRole;
  }

  /**
   * @param roleCounts desired instances per role, in the order slots are planned (callers pass the
   *     catalog's order, so a service's first role, e.g. the generic master, is placed first when
   *     room is short); empty when the service should not run
   * @param current the service's instances that are not being removed
   * @param nodes every known node with its current use
   */
  public PlacementPlan plan(
      Map<String, Integer> roleCounts,
      PlacementPolicy policy,
      List<CurrentInstance> current,
      List<NodeCapacity> nodes) {
    return plan(roleCounts, PlacementSpec.of(policy), current, nodes);
  }

  /**
   * As {@link #plan(Map, PlacementPolicy, List, List)}, with locations: {@code near} keeps to its
   * radius, {@code near-users} puts each new instance where it brings the service's users closest
   * (greedy: the node that most shortens the users' distances to their nearest instance), and every
   * node must carry the spec's labels.
   */
  public PlacementPlan plan(
      Map<String, Integer> roleCounts,
      PlacementSpec spec,
      List<CurrentInstance> current,
      List<NodeCapacity> nodes) {
    Map<Long, NodeCapacity> capacity = new LinkedHashMap<>();
    nodes.forEach(n -> capacity.put(n.nodeId(), n));
    Map<Slot, CurrentInstance> existing = new HashMap<>();
    List<String> removals = new ArrayList<>();
    for (CurrentInstance instance : current) {
      Slot slot = new Slot(instance.role(), instance.slot());
      if (instance.slot() < roleCounts.getOrDefault(instance.role(), 0)) {
        existing.put(slot, instance);
      } else {
        removals.add(instance.name());
      }
    }
    List<GeoPoint> placed = new ArrayList<>();
    for (CurrentInstance instance : existing.values()) {
      NodeCapacity node = instance.nodeId() == null ? null : capacity.get(instance.nodeId());
      if (node != null && node.healthy() && node.position() != null) {
        placed.add(node.position());
      }
    }
    List<Placement> creates = new ArrayList<>();
    List<Placement> moves = new ArrayList<>();
    List<Slot> unplaceable = new ArrayList<>();
    for (Slot slot : wanted(roleCounts)) {
      CurrentInstance instance = existing.get(slot);
      if (instance != null && onHealthyNode(instance, capacity)) {
        continue;
      }
      ResourceRequest request = requestOfRole.apply(slot.role());
      Optional<NodeCapacity> target = choose(spec, capacity.values(), request, placed);
      if (target.isEmpty()) {
        unplaceable.add(slot);
        continue;
      }
      capacity.put(target.get().nodeId(), target.get().plus(request));
      if (target.get().position() != null) {
        placed.add(target.get().position());
      }
      (instance == null ? creates : moves).add(new Placement(slot, target.get().nodeId()));
    }
    return new PlacementPlan(creates, moves, removals, unplaceable);
  }

  private static List<Slot> wanted(Map<String, Integer> roleCounts) {
    List<Slot> slots = new ArrayList<>();
    roleCounts.forEach(
        (role, count) -> {
          for (int i = 0; i < count; i++) {
            slots.add(new Slot(role, i));
          }
        });
    return slots;
  }

  private static boolean onHealthyNode(CurrentInstance instance, Map<Long, NodeCapacity> nodes) {
    NodeCapacity node = instance.nodeId() == null ? null : nodes.get(instance.nodeId());
    return node != null && node.healthy();
  }

  private static Optional<NodeCapacity> choose(
      PlacementSpec spec,
      Iterable<NodeCapacity> nodes,
      ResourceRequest request,
      List<GeoPoint> placed) {
    List<NodeCapacity> candidates = new ArrayList<>();
    nodes.forEach(
        n -> {
          if (n.fits(request) && spec.admits(n)) {
            candidates.add(n);
          }
        });
    Comparator<NodeCapacity> byName = Comparator.comparing(NodeCapacity::name);
    Comparator<NodeCapacity> spread =
        Comparator.comparingInt(NodeCapacity::instancesOfService)
            .thenComparingInt(NodeCapacity::instancesTotal)
            .thenComparing(byName);
    if (spec.policy() == PlacementPolicy.NEAR && spec.near().isPresent()) {
      GeoPoint point = spec.near().get();
      // spread within the radius (one board down takes few instances), the closest first
      return candidates.stream()
          .min(
              Comparator.comparingInt(NodeCapacity::instancesOfService)
                  .thenComparingDouble((NodeCapacity n) -> n.position().distanceMeters(point))
                  .thenComparing(byName));
    }
    if (spec.policy() == PlacementPolicy.NEAR_USERS
        && !spec.users().isEmpty()
        && candidates.stream().allMatch(n -> n.position() != null)) {
      return candidates.stream()
          .min(
              Comparator.comparingDouble((NodeCapacity n) -> userDistance(spec.users(), placed, n))
                  .thenComparing(spread));
    }
    Comparator<NodeCapacity> order =
        switch (spec.policy()) {
          // pack: fill the busiest node that still fits, leaving whole boards free
          case PACK ->
              Comparator.comparingInt(NodeCapacity::usedMemoryMiB).reversed().thenComparing(byName);
          // spread (and, until location-aware placement, near and near-users): fewest of this
          // service first, so one failing board takes as few of its instances as possible
          default -> spread;
        };
    return candidates.stream().min(order);
  }

  /** The users' summed distances to their nearest instance if one more were on {@code node}. */
  private static double userDistance(
      List<GeoPoint> users, List<GeoPoint> placed, NodeCapacity node) {
    double total = 0;
    for (GeoPoint user : users) {
      double best = user.distanceMeters(node.position());
      for (GeoPoint instance : placed) {
        best = Math.min(best, user.distanceMeters(instance));
      }
      total += best;
    }
    return total;
  }
}

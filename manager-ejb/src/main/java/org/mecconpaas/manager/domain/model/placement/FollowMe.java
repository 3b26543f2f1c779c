package org.mecconpaas.manager.domain.model.placement;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The follow-me rule of {@code near-users}: when a user's access point is farther than the allowed
 * distance from every instance of the service, the instance nearest to that user moves to the node
 * nearest to the user that can take it. One move at a time, and only one that brings the user
 * closer without leaving anyone farther than the farthest user is now (no swinging back and forth
 * between two groups of users). Pure.
 */
public final class FollowMe {
  private FollowMe() {}

  /** An instance that serves now, where it is. */
  public record Serving(String instance, String role, long nodeId, GeoPoint position) {}

  /** The migration to start, and why. */
  public record Move(String instance, long nodeId, String reason) {}

  /** The farthest any user is from its nearest instance, with {@code moved} at {@code to}. */
  private static double worstDistance(
      List<GeoPoint> users, List<Serving> serving, Serving moved, GeoPoint to) {
    double worst = 0;
    for (GeoPoint user : users) {
      double nearest = Double.MAX_VALUE;
      for (Serving s : serving) {
        GeoPoint at = s == moved ? to : s.position();
        nearest = Math.min(nearest, at.distanceMeters(user));
      }
      worst = Math.max(worst, nearest);
    }
    return worst;
  }

  public static Optional<Move> plan(
      List<Serving> serving,
      List<GeoPoint> users,
      List<NodeCapacity> nodes,
      double maxDistanceMeters,
      PlacementSpec spec,
      Function<String, ResourceRequest> requestOfRole) {
    if (serving.isEmpty() || users.isEmpty()) {
      return Optional.empty();
    }
    GeoPoint worst = null;
    Serving nearestToWorst = null;
    double worstDistance = -1;
    for (GeoPoint user : users) {
      Serving nearest =
          serving.stream()
              .min(Comparator.comparingDouble((Serving s) -> s.position().distanceMeters(user)))
              .orElseThrow();
      double distance = nearest.position().distanceMeters(user);
      if (distance > worstDistance) {
        worst = user;
        worstDistance = distance;
        nearestToWorst = nearest;
      }
    }
    if (worstDistance <= maxDistanceMeters) {
      return Optional.empty();
    }
    GeoPoint user = worst;
    Serving moving = nearestToWorst;
    ResourceRequest request = requestOfRole.apply(moving.role());
    double current = worstDistance;
    double worstNow = worstDistance(users, serving, null, null);
    return nodes.stream()
        .filter(n -> n.position() != null && n.fits(request) && spec.admits(n))
        .filter(n -> serving.stream().noneMatch(s -> s.nodeId() == n.nodeId()))
        .filter(n -> n.position().distanceMeters(user) < current)
        // the farthest user overall must be better off: moving an instance away from its other
        // users would only make them the farthest, and the instance would swing back and forth
        .filter(n -> worstDistance(users, serving, moving, n.position()) < worstNow)
        .min(
            Comparator.comparingDouble((NodeCapacity n) -> n.position().distanceMeters(user))
                .thenComparing(NodeCapacity::name))
        .map(
            to ->
                new Move(
                    moving.instance(),
                    to.nodeId(),
                    String.format(
                        Locale.ROOT,
                        "a user at %.5f,%.5f is %.0f m from its nearest instance %s (at most %.0f"
                            + " m); %s is %.0f m from it",
                        user.latitude(),
                        user.longitude(),
                        current,
                        moving.instance(),
                        maxDistanceMeters,
                        to.name(),
                        to.position().distanceMeters(user))));
  }
}

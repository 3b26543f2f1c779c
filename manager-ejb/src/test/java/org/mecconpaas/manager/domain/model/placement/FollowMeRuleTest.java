package org.mecconpaas.manager.domain.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;

class FollowMeRuleTest {
  private static final GeoPoint A = new GeoPoint(52.160, 4.490);
  private static final GeoPoint B = new GeoPoint(52.164, 4.490); // ~445 m north of A
  private static final PlacementSpec SPEC =
      new PlacementSpec(PlacementPolicy.NEAR_USERS, Optional.empty(), 0, Set.of(), List.of());

  private static NodeCapacity node(long id, GeoPoint at) {
    return new NodeCapacity(id, "n" + id, 1000, 1024, true, true, 0, 0, 0, 0, at, Set.of());
  }

  private static Optional<FollowMe.Move> plan(List<GeoPoint> users) {
    return FollowMe.plan(
        List.of(new FollowMe.Serving("s1-node-0", "node", 1, A)),
        users,
        List.of(node(1, A), node(2, B)),
        300,
        SPEC,
        role -> ResourceRequest.DEFAULT);
  }

  @Test
  void aLoneUserWhoWalkedAwayIsFollowed() {
    Optional<FollowMe.Move> move = plan(List.of(B));
    assertEquals(2, move.orElseThrow().nodeId());
    assertTrue(move.get().reason().contains("at most 300 m"), move.get().reason());
  }

  @Test
  void anInstanceBetweenTwoGroupsStaysRatherThanSwingingBetweenThem() {
    // one user at each end: moving to B leaves the user at A as far as the user at B is now
    assertEquals(Optional.empty(), plan(List.of(A, B)));
  }
}

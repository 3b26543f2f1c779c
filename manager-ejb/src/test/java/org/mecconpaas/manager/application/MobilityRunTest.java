package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MobilityRunTest {
  private static MobilityRun at(Map<String, String> accessPoints) {
    return new MobilityRun(null, Instant.EPOCH, 0, new TreeMap<>(), accessPoints);
  }

  @Test
  void theAccessPointsAClientLeftOrJoinedAreTheOnesToWake() {
    MobilityRun before = at(Map.of("c1", "n1", "c2", "n2", "c3", "n3"));
    MobilityRun after = at(Map.of("c1", "n4", "c2", "n2", "c4", "n5"));
    // c1 moved n1 -> n4, c3 left n3's range, c4 appeared at n5; c2 stayed
    assertEquals(Set.of("n1", "n3", "n4", "n5"), after.nodesChangedSince(before));
    assertEquals(Set.of(), after.nodesChangedSince(after));
    assertEquals(Set.of("n4", "n2", "n5"), after.nodesChangedSince(null));
  }
}

package org.mecconpaas.manager.domain.model.client;

/**
 * The one-way delay an emulated access-point router adds towards an instance on another node: a
 * base per hop plus a share per kilometre between the two nodes. Instances on the router's own node
 * get none, and so does every target on real boards ({@link #NONE}), where the network is real.
 */
public record LatencyModel(double perHopMillis, double perKmMillis) {
  public static final LatencyModel NONE = new LatencyModel(0, 0);

  public LatencyModel {
    if (perHopMillis < 0 || perKmMillis < 0) {
      throw new IllegalArgumentException("latencies cannot be negative");
    }
  }

  /** Milliseconds, rounded; 0 on the same node. One hop separates any two nodes of the edge. */
  public int oneWayMillis(boolean sameNode, double distanceMeters) {
    if (sameNode) {
      return 0;
    }
    return (int) Math.round(perHopMillis + perKmMillis * distanceMeters / 1000);
  }
}

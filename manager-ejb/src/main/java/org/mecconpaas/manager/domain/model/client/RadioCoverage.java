package org.mecconpaas.manager.domain.model.client;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * Which access point an emulated client associates with: the nearest one within radio range (ties
 * by node name), or none when every access point is out of range.
 */
public final class RadioCoverage {
  private final List<AccessPointSite> sites;
  private final double rangeMeters;

  public RadioCoverage(List<AccessPointSite> sites, double rangeMeters) {
    this.sites = sites.stream().sorted(Comparator.comparing(AccessPointSite::node)).toList();
    this.rangeMeters = rangeMeters;
  }

  /** The node a client at {@code position} associates with. */
  public Optional<String> accessPointFor(GeoPoint position) {
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (AccessPointSite site : sites) {
      double distance = site.position().distanceMeters(position);
      if (distance <= rangeMeters && distance < bestDistance) {
        best = site.node();
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Client id to node, for the clients in range of some access point. */
  public Map<String, String> associate(Map<String, GeoPoint> positions) {
    Map<String, String> associations = new TreeMap<>();
    positions.forEach(
        (client, position) ->
            accessPointFor(position).ifPresent(node -> associations.put(client, node)));
    return associations;
  }
}

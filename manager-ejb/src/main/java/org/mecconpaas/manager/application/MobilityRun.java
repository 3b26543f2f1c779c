package org.mecconpaas.manager.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mecconpaas.manager.domain.model.client.MobilityModel;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * A mobility emulation that runs, as its last tick left it.
 *
 * @param model what moves the clients
 * @param startedAt when it started (second 0)
 * @param second the second of the last tick
 * @param positions client id to position then (clients not on the campus yet are left out)
 * @param accessPoints client id to the node it is associated with (clients out of range left out)
 */
public record MobilityRun(
    MobilityModel model,
    Instant startedAt,
    long second,
    SortedMap<String, GeoPoint> positions,
    Map<String, String> accessPoints) {

  public MobilityRun {
    positions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(positions));
    accessPoints = Map.copyOf(accessPoints);
  }

  /** The clients associated with {@code node}, sorted. */
  public List<String> stationsOf(String node) {
    List<String> stations = new ArrayList<>();
    accessPoints.forEach(
        (client, at) -> {
          if (at.equals(node)) {
            stations.add(client);
          }
        });
    stations.sort(null);
    return stations;
  }

  /** The nodes whose stations differ between {@code before} (none: no run) and this run. */
  public Set<String> nodesChangedSince(MobilityRun before) {
    Map<String, String> was = before == null ? Map.of() : before.accessPoints();
    Set<String> changed = new TreeSet<>();
    Set<String> clients = new TreeSet<>(was.keySet());
    clients.addAll(accessPoints.keySet());
    for (String client : clients) {
      String from = was.get(client);
      String to = accessPoints.get(client);
      if (!java.util.Objects.equals(from, to)) {
        if (from != null) {
          changed.add(from);
        }
        if (to != null) {
          changed.add(to);
        }
      }
    }
    return changed;
  }
}

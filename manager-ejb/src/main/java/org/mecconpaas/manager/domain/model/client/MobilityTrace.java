package org.mecconpaas.manager.domain.model.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * Clients moving along a recorded trace: between two samples a client moves in a straight line;
 * before its first sample it is not on the campus, after its last it stays where it was.
 */
public final class MobilityTrace implements MobilityModel {
  public static final String NAME = "trace";

  /** Where a client is {@code time} seconds after the start. */
  public record Sample(double time, GeoPoint position) {}

  private final SortedMap<String, List<Sample>> samples = new TreeMap<>();

  /**
   * Samples per client, each client's in strictly increasing time (as {@link TraceReader} checks).
   */
  public MobilityTrace(Map<String, List<Sample>> samples) {
    samples.forEach(
        (client, list) -> {
          for (int i = 1; i < list.size(); i++) {
            if (list.get(i).time() <= list.get(i - 1).time()) {
              throw new IllegalArgumentException("samples of " + client + " out of order");
            }
          }
          this.samples.put(client, List.copyOf(list));
        });
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> clients() {
    return new ArrayList<>(samples.keySet());
  }

  /** When the last sample of any client is reached. */
  public double endSeconds() {
    return samples.values().stream().mapToDouble(l -> l.get(l.size() - 1).time()).max().orElse(0);
  }

  @Override
  public SortedMap<String, GeoPoint> positionsAt(long second) {
    SortedMap<String, GeoPoint> positions = new TreeMap<>();
    samples.forEach(
        (client, list) -> {
          GeoPoint position = positionAt(list, second);
          if (position != null) {
            positions.put(client, position);
          }
        });
    return positions;
  }

  private static GeoPoint positionAt(List<Sample> list, double t) {
    if (t < list.get(0).time()) {
      return null;
    }
    int low = 0;
    int high = list.size() - 1;
    while (low < high) { // the last sample at or before t
      int middle = (low + high + 1) >>> 1;
      if (list.get(middle).time() <= t) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    Sample before = list.get(low);
    if (low == list.size() - 1) {
      return before.position();
    }
    Sample after = list.get(low + 1);
    double fraction = (t - before.time()) / (after.time() - before.time());
    return MobilityModel.between(before.position(), after.position(), fraction);
  }
}

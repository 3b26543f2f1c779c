package org.mecconpaas.agent.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An emulated board's stations: exactly the plan's list. A station keeps the time it joined while
 * it stays in the list; one that leaves is gone at once (and joins anew if it comes back).
 */
final class EmulatedStations implements StationSource {
  private final LongSupplier clock;
  private Map<String, Long> since = Map.of();

  EmulatedStations(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void planned(List<String> ids) {
    long now = clock.getAsLong();
    Map<String, Long> next = new LinkedHashMap<>();
    for (String id : ids) {
      next.putIfAbsent(id, since.getOrDefault(id, now));
    }
    since = next;
  }

  @Override
  public synchronized List<Station> current() {
    List<Station> stations = new ArrayList<>(since.size());
    since.forEach((id, joined) -> stations.add(new Station(id, joined)));
    return stations;
  }
}

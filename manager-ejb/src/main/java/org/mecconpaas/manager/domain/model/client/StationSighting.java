package org.mecconpaas.manager.domain.model.client;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * An access point listing a client among its stations in a heartbeat.
 *
 * @param client the station's id
 * @param nodeId the reporting node
 * @param node its name, for ties
 * @param sinceMillis when the station associated there, by the agent's clock
 * @param reportedAt when the master received the report
 */
public record StationSighting(
    String client, long nodeId, String node, long sinceMillis, Instant reportedAt) {

  /** Later association first, then the later report, then node name: who wins a client. */
  private static final Comparator<StationSighting> PRECEDENCE =
      Comparator.comparingLong(StationSighting::sinceMillis)
          .thenComparing(StationSighting::reportedAt)
          .thenComparing(StationSighting::node, Comparator.reverseOrder());

  /**
   * Client id to the sighting that wins it. A client roaming between access points may for a moment
   * be listed by both (the old one's report is older, or its hostapd still lists it): the one it
   * associated with last wins, so the answer does not flip with every heartbeat.
   */
  public static Map<String, StationSighting> latest(Collection<StationSighting> sightings) {
    Map<String, StationSighting> winners = new HashMap<>();
    for (StationSighting s : sightings) {
      winners.merge(s.client(), s, (a, b) -> PRECEDENCE.compare(a, b) >= 0 ? a : b);
    }
    return winners;
  }
}

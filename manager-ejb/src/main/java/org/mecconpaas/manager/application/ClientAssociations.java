package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.client.StationSighting;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;

/**
 * Which access point each client is associated with, from the stations in the nodes' heartbeats.
 * Heartbeats only leave their node's latest station list here, in memory; {@link #reconcile()}, run
 * every second by one thread, turns the latest lists into associations and history. So concurrent
 * heartbeats never write the same client, and a report is applied within a second.
 */
@ApplicationScoped
public class ClientAssociations {
  /** More stations than any access point serves; the rest of a longer list is ignored. */
  static final int MAX_STATIONS = 1000;

  private record NodeStations(long nodeId, String node, List<StationSeen> stations, Instant at) {}

  private final Map<Long, NodeStations> latest = new ConcurrentHashMap<>();

  private ClientRepository clients;
  private NodeRepository nodes;
  private Clock clock;

  protected ClientAssociations() {}

  @Inject
  public ClientAssociations(ClientRepository clients, NodeRepository nodes, Clock clock) {
    this.clients = clients;
    this.nodes = nodes;
    this.clock = clock;
  }

  /**
   * A node's heartbeat listed these stations (ids that cannot be client ids are ignored).
   *
   * @return whether the node lists other clients than in its report before
   */
  public boolean reported(Node node, List<StationSeen> stations, Instant now) {
    List<StationSeen> valid =
        stations.stream()
            .filter(s -> MobileClient.validId(s.client()))
            .limit(MAX_STATIONS)
            .toList();
    NodeStations before =
        latest.put(node.id(), new NodeStations(node.id(), node.name(), valid, now));
    return before == null || !clientIds(before.stations()).equals(clientIds(valid));
  }

  private static Set<String> clientIds(List<StationSeen> stations) {
    return stations.stream().map(StationSeen::client).collect(Collectors.toSet());
  }

  /**
   * Brings the stored associations to what the latest lists say: a client listed by some node is
   * associated there (the latest association wins when several list it); a client no longer listed
   * by its node, or whose node is DOWN, is associated with none. Nodes that have not reported since
   * the master started keep their clients until they do.
   *
   * @return the clients that were associated elsewhere or with none
   */
  @Transactional
  public Set<String> reconcile() {
    Instant now = clock.instant();
    Map<Long, Node> byId = nodes.all().stream().collect(Collectors.toMap(Node::id, n -> n));
    latest.keySet().removeIf(id -> !byId.containsKey(id) || byId.get(id).state() == NodeState.DOWN);
    Map<String, StationSighting> winners = StationSighting.latest(sightings());
    Set<String> placed = new HashSet<>();
    Set<String> changed = new HashSet<>();
    for (MobileClient client : clients.associated()) {
      Node at = client.node().orElseThrow();
      StationSighting winner = winners.get(client.id());
      if (winner == null) {
        boolean notHeardYet = at.state() != NodeState.DOWN && !latest.containsKey(at.id());
        if (!notHeardYet) {
          leave(client, now);
          changed.add(client.id());
        }
        placed.add(client.id());
      } else if (winner.nodeId() == at.id()) {
        placed.add(client.id());
      } // else it moved: associate() below ends its stay at the old node
    }
    List<StationSighting> moved =
        winners.values().stream().filter(w -> !placed.contains(w.client())).toList();
    moved.forEach(w -> associate(w.client(), byId.get(w.nodeId()), now));
    moved.forEach(w -> changed.add(w.client()));
    return changed;
  }

  private List<StationSighting> sightings() {
    List<StationSighting> all = new ArrayList<>();
    for (NodeStations report : latest.values()) {
      for (StationSeen seen : report.stations()) {
        all.add(
            new StationSighting(
                seen.client(), report.nodeId(), report.node(), seen.sinceMillis(), report.at()));
      }
    }
    return all;
  }

  private void leave(MobileClient client, Instant now) {
    clients.openAssociation(client).ifPresent(a -> a.end(now));
    client.disassociate(now);
  }

  private void associate(String id, Node node, Instant now) {
    MobileClient client = clients.byId(id).orElseGet(() -> clients.add(new MobileClient(id, now)));
    if (client.node().isPresent()) {
      clients.openAssociation(client).ifPresent(a -> a.end(now));
    }
    clients.add(client.associate(node, now));
  }
}

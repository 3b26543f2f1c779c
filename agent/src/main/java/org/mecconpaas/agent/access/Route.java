package org.mecconpaas.agent.access;

import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.agent.json.JsonMap;

/**
 * One service's stable address on this access point: the router listens at {@code port} and
 * forwards each connection to the first of {@code targets} that accepts it (nearest first).
 */
record Route(String service, int port, List<RouteTarget> targets) {

  Route {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("route port out of range: " + port);
    }
    targets = List.copyOf(targets);
  }

  static Route fromJson(JsonMap json) {
    List<RouteTarget> targets = new ArrayList<>();
    for (JsonMap target : json.objects("targets")) {
      targets.add(RouteTarget.fromJson(target));
    }
    return new Route(json.string("service", ""), json.intValue("port", 0), targets);
  }

  boolean serves(String address) {
    return targets.stream().anyMatch(t -> t.address().equals(address));
  }
}

package org.mecconpaas.agent.access;

import org.mecconpaas.agent.json.JsonMap;

/**
 * An instance a route may forward to.
 *
 * @param latencyMillis the one-way delay the router adds in each direction (emulated distance)
 */
record RouteTarget(String instance, String ip, int port, String node, int latencyMillis) {

  /** Longer than any distance on an edge; a larger figure is a broken plan, not a distance. */
  static final int MAX_LATENCY_MILLIS = 10_000;

  RouteTarget {
    if (ip == null || ip.isBlank()) {
      throw new IllegalArgumentException("a route target needs an 'ip'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("route target port out of range: " + port);
    }
    if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
      throw new IllegalArgumentException("latencyMillis out of range: " + latencyMillis);
    }
  }

  static RouteTarget fromJson(JsonMap json) {
    return new RouteTarget(
        json.string("instance", ""),
        json.string("ip"),
        json.intValue("port", 0),
        json.string("node", ""),
        json.intValue("latencyMillis", 0));
  }

  /** Where it listens: what decides whether a connection still goes to a planned target. */
  String address() {
    return ip + ":" + port;
  }
}

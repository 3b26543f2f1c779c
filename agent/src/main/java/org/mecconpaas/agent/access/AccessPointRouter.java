package org.mecconpaas.agent.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The access-point router: for each route of the plan it listens on the node's own address at the
 * route's port and relays every connection to the first target that accepts (see {@link Relay}),
 * adding the target's emulated latency in each direction (see {@link DelayedPump}).
 *
 * <p>Plans come every heartbeat. An unchanged route keeps its listener and connections; a route
 * whose targets changed sends new connections to the new targets at once and closes connections to
 * removed targets when they are at rest; a removed route stops listening at once and its
 * connections finish the same way. A port that cannot be bound is tried again with the next plan.
 *
 * <p>Cost: one thread per route (accepting), two per relayed connection; 8 KiB of buffer per
 * direction, plus at most 64 KiB queued per direction while latency is emulated.
 */
final class AccessPointRouter implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AccessPointRouter.class.getName());
  static final int DEFAULT_MAX_CONNECTIONS = 64;

  private final InetAddress address;
  private final int maxConnectionsPerRoute;
  private final Map<Integer, RouteListener> listeners = new LinkedHashMap<>();
  private final List<RouteListener> retired = new ArrayList<>();
  private final Set<Integer> unbindable = new HashSet<>();
  private boolean closed;

  /**
   * @param address the node's own IP address (an address literal, never looked up)
   */
  AccessPointRouter(String address, int maxConnectionsPerRoute) {
    try {
      this.address = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + address, e);
    }
    this.maxConnectionsPerRoute = maxConnectionsPerRoute;
  }

  synchronized void apply(List<Route> routes) {
    if (closed) {
      return;
    }
    Map<Integer, Route> wanted = new LinkedHashMap<>();
    for (Route route : routes) {
      if (wanted.putIfAbsent(route.port(), route) != null) {
        LOG.warning("two routes on port " + route.port() + ", keeping " + wanted.get(route.port()));
      }
    }
    listeners.entrySet().removeIf(entry -> retireUnless(wanted.containsKey(entry.getKey()), entry));
    wanted.values().forEach(this::listen);
    retired.removeIf(RouteListener::finished);
    retired.forEach(RouteListener::closeDrainedAtRest);
  }

  private boolean retireUnless(boolean kept, Map.Entry<Integer, RouteListener> entry) {
    if (kept) {
      return false;
    }
    LOG.info("access point stops listening on port " + entry.getKey());
    entry.getValue().stopListening();
    retired.add(entry.getValue());
    return true;
  }

  private void listen(Route route) {
    RouteListener existing = listeners.get(route.port());
    if (existing != null) {
      existing.update(route);
      return;
    }
    try {
      listeners.put(route.port(), RouteListener.open(address, route, maxConnectionsPerRoute));
      unbindable.remove(route.port());
      LOG.info(
          "access point listens on "
              + address.getHostAddress()
              + ":"
              + route.port()
              + " for "
              + route.service());
    } catch (IOException e) {
      if (unbindable.add(route.port())) {
        LOG.warning("cannot listen on port " + route.port() + " for " + route.service() + ": " + e);
      }
    }
  }

  /** Per listening port; routes that were removed are no longer counted. */
  synchronized Map<Integer, RouteStats> stats() {
    Map<Integer, RouteStats> stats = new LinkedHashMap<>();
    listeners.forEach((port, listener) -> stats.put(port, listener.stats()));
    return stats;
  }

  /** Stops listening and closes every connection; the threads end with their sockets. */
  @Override
  public synchronized void close() {
    closed = true;
    listeners.values().forEach(RouteListener::closeAll);
    retired.forEach(RouteListener::closeAll);
    listeners.clear();
    retired.clear();
  }
}

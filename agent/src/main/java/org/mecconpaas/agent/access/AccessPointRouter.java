package org.mecconpaas.agent.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
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
 * adding the target's emulated latency in each direction (see {@link Direction}).
 *
 * <p>Plans come every heartbeat. An unchanged route keeps its listener and connections; a route
 * whose targets changed sends new connections to the new targets at once and closes connections to
 * removed targets when they are at rest; a removed route stops listening at once and its
 * connections finish the same way. A port that cannot be bound is tried again with the next plan.
 *
 * <p>Cost: one thread for the whole router ({@link SelectorLoop}), whatever the number of routes
 * and connections (a JVM thread costs about 110 KiB of resident stack here, so a thread per
 * connection would not fit an agent of 64 MiB); per connection two sockets and the queued chunks,
 * at most {@link Direction#MAX_PENDING_BYTES} per direction, nothing while idle.
 */
final class AccessPointRouter implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AccessPointRouter.class.getName());
  static final int DEFAULT_MAX_CONNECTIONS = 64;
  static final String THREAD_NAME = "mec-ap-router";
  private static final int SCRATCH_BYTES = 16 * 1024;

  private final InetAddress address;
  private final int maxConnectionsPerRoute;
  private final SelectorLoop loop = new SelectorLoop(THREAD_NAME);
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
  private final Map<Integer, RouteListener> listeners = new LinkedHashMap<>();
  private final List<RouteListener> retired = new ArrayList<>();
  private final Set<Integer> unbindable = new HashSet<>();
  private volatile boolean closed;

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
    loop.start(new Ticks());
  }

  /** Listens and forwards as {@code routes} say; returns once done. */
  void apply(List<Route> routes) {
    if (!closed) {
      loop.call(() -> applyOnLoop(routes));
    }
  }

  /** Per listening port; routes that were removed are no longer counted. */
  Map<Integer, RouteStats> stats() {
    return closed ? Map.of() : loop.call(this::statsOnLoop);
  }

  /** Stops listening, closes every connection and ends the router's thread. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      loop.call(this::closeOnLoop);
      loop.stop(2000);
    } catch (IllegalStateException e) {
      LOG.warning("closing the access-point router: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Void applyOnLoop(List<Route> routes) {
    long now = System.nanoTime();
    Map<Integer, Route> wanted = new LinkedHashMap<>();
    for (Route route : routes) {
      if (wanted.putIfAbsent(route.port(), route) != null) {
        LOG.warning("two routes on port " + route.port() + ", keeping " + wanted.get(route.port()));
      }
    }
    for (Integer port : List.copyOf(listeners.keySet())) {
      if (!wanted.containsKey(port)) {
        LOG.info("access point stops listening on port " + port);
        RouteListener listener = listeners.remove(port);
        listener.stopListening(now);
        retired.add(listener);
      }
    }
    wanted.values().forEach(route -> listen(route, now));
    retired.removeIf(RouteListener::finished);
    return null;
  }

  private void listen(Route route, long now) {
    RouteListener existing = listeners.get(route.port());
    if (existing != null) {
      existing.update(route, now);
      return;
    }
    try {
      listeners.put(
          route.port(),
          RouteListener.open(loop.selector(), scratch, address, route, maxConnectionsPerRoute));
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

  private Map<Integer, RouteStats> statsOnLoop() {
    Map<Integer, RouteStats> stats = new LinkedHashMap<>();
    listeners.forEach((port, listener) -> stats.put(port, listener.stats()));
    return stats;
  }

  private Void closeOnLoop() {
    listeners.values().forEach(RouteListener::closeAll);
    retired.forEach(RouteListener::closeAll);
    listeners.clear();
    retired.clear();
    return null;
  }

  /** What the loop drives: every listener, removed ones until their connections end. */
  private final class Ticks implements SelectorLoop.Work {
    @Override
    public void tick(long now) {
      listeners.values().forEach(listener -> listener.tick(now));
      retired.forEach(listener -> listener.tick(now));
      retired.removeIf(RouteListener::finished);
    }

    @Override
    public long nextDeadline() {
      long next = Direction.NO_DEADLINE;
      for (RouteListener listener : listeners.values()) {
        next = Math.min(next, listener.nextDeadline());
      }
      for (RouteListener listener : retired) {
        next = Math.min(next, listener.nextDeadline());
      }
      return next;
    }

    @Override
    public boolean busy() {
      return listeners.values().stream().anyMatch(RouteListener::hasConnections)
          || !retired.isEmpty();
    }
  }
}

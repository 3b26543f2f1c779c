package org.mecconpaas.agent.access;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * One route's listening socket and its connections. One accept thread, which also wakes every
 * {@link #ACCEPT_POLL_MILLIS} to close drained connections at rest (see {@link Relay}); at most
 * {@code maxConnections} relayed at once, more are accepted and closed at once.
 */
final class RouteListener {
  private static final Logger LOG = Logger.getLogger(RouteListener.class.getName());
  static final int ACCEPT_POLL_MILLIS = 200;
  private static final int BACKLOG = 50;
  private static final long ACCEPT_ERROR_PAUSE_MILLIS = 100;

  final LongAdder bytesUp = new LongAdder();
  final LongAdder bytesDown = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder unreachable = new LongAdder();
  private final ServerSocket server;
  private final int port;
  private final int maxConnections;
  private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
  private volatile Route route;
  private volatile String service;
  private volatile boolean closing;

  private RouteListener(ServerSocket server, Route route, int maxConnections) {
    this.server = server;
    this.port = route.port();
    this.route = route;
    this.service = route.service();
    this.maxConnections = maxConnections;
  }

  static RouteListener open(InetAddress address, Route route, int maxConnections)
      throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true); // an agent restarting rebinds while old connections linger
      server.bind(new InetSocketAddress(address, route.port()), BACKLOG);
      server.setSoTimeout(ACCEPT_POLL_MILLIS);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    RouteListener listener = new RouteListener(server, route, maxConnections);
    daemon("mec-ap-" + route.port() + "-accept", listener::acceptLoop);
    return listener;
  }

  /** New connections go to {@code next}'s targets at once; drained ones close when at rest. */
  void update(Route next) {
    Route before = route;
    route = next;
    service = next.service();
    if (before != null && !before.targets().equals(next.targets())) {
      LOG.fine("route " + port + " (" + next.service() + ") now goes to " + next.targets());
      closeDrainedAtRest();
    }
  }

  /** The route left the plan: no new connections; those in flight finish (idle ones close). */
  void stopListening() {
    route = null;
    closeQuietly(server);
    closeDrainedAtRest();
  }

  void closeAll() {
    closing = true;
    stopListening();
    relays.forEach(Relay::close);
  }

  boolean finished() {
    return server.isClosed() && relays.isEmpty();
  }

  void closeDrainedAtRest() {
    Route current = route;
    long now = System.nanoTime();
    relays.forEach(relay -> relay.closeIfDrainedAtRest(current, now));
  }

  RouteStats stats() {
    return new RouteStats(
        service,
        port,
        accepted.sum(),
        relays.size(),
        refused.sum(),
        unreachable.sum(),
        bytesUp.sum(),
        bytesDown.sum());
  }

  void unreachable(List<String> refusals) {
    unreachable.increment();
    LOG.fine("route " + port + " (" + service + "): no target accepts, tried " + refusals);
  }

  void forget(Relay relay) {
    relays.remove(relay);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        admit(server.accept());
      } catch (SocketTimeoutException e) {
        closeDrainedAtRest();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.fine("route " + port + ": accept failed: " + e.getMessage());
          pause(); // e.g. out of file descriptors: do not spin
        }
      }
    }
  }

  private void admit(Socket client) {
    Route current = route;
    if (current == null || relays.size() >= maxConnections) {
      refused.increment();
      LOG.fine("route " + port + ": refusing a connection, " + relays.size() + " open");
      closeQuietly(client);
      return;
    }
    accepted.increment();
    if (current.targets().isEmpty()) {
      unreachable(List.of());
      closeQuietly(client);
      return;
    }
    Relay relay = new Relay(this, client, current.targets(), "mec-ap-" + port + "-" + accepted);
    relays.add(relay);
    if (closing) {
      relay.close(); // closeAll() ran while this one was being accepted
      return;
    }
    relay.start();
  }

  private static void pause() {
    try {
      Thread.sleep(ACCEPT_ERROR_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is all that was asked for
    }
  }
}

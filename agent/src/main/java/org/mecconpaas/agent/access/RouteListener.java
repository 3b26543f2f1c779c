package org.mecconpaas.agent.access;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One route's listening socket and its connections, on the router's thread. At most {@code
 * maxConnections} are relayed at once; more are accepted and closed at once.
 */
final class RouteListener implements ReadyHandler {
  private static final Logger LOG = Logger.getLogger(RouteListener.class.getName());
  private static final int BACKLOG = 50;
  private static final long ACCEPT_ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ServerSocketChannel server;
  private final Selector selector;
  private final ByteBuffer scratch;
  private final int port;
  private final int maxConnections;
  private final Set<Relay> relays = new LinkedHashSet<>();
  private SelectionKey key;
  private Route route;
  private String service;
  private long acceptPausedUntil;
  private boolean acceptPaused;
  private long accepted;
  private long refused;
  private long unreachable;
  private long bytesUp;
  private long bytesDown;

  private RouteListener(
      ServerSocketChannel server, Selector selector, ByteBuffer scratch, Route route, int max) {
    this.server = server;
    this.selector = selector;
    this.scratch = scratch;
    this.port = route.port();
    this.route = route;
    this.service = route.service();
    this.maxConnections = max;
  }

  static RouteListener open(
      Selector selector, ByteBuffer scratch, InetAddress address, Route route, int max)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true); // rebinding after a restart
      server.bind(new InetSocketAddress(address, route.port()), BACKLOG);
      server.configureBlocking(false);
      RouteListener listener = new RouteListener(server, selector, scratch, route, max);
      listener.key = server.register(selector, SelectionKey.OP_ACCEPT, listener);
      return listener;
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /** New connections go to {@code next}'s targets at once; drained ones close when at rest. */
  void update(Route next, long now) {
    if (!route.targets().equals(next.targets())) {
      LOG.fine("route " + port + " (" + next.service() + ") now goes to " + next.targets());
    }
    route = next;
    service = next.service();
    tick(now);
  }

  /** The route left the plan: no new connections; those in flight finish (idle ones close). */
  void stopListening(long now) {
    route = null;
    closeQuietly(server);
    tick(now);
  }

  void closeAll() {
    route = null;
    closeQuietly(server);
    List.copyOf(relays).forEach(Relay::close);
  }

  boolean finished() {
    return !server.isOpen() && relays.isEmpty();
  }

  boolean hasConnections() {
    return !relays.isEmpty();
  }

  @Override
  public void abort() {
    // the listening socket stays: one failed accept is no reason to drop the service's address
  }

  @Override
  public void ready(SelectionKey key, long now) {
    while (true) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        // e.g. out of file descriptors: the selector would report it again at once
        LOG.fine("route " + port + ": accept failed: " + e.getMessage());
        key.interestOps(0);
        acceptPaused = true;
        acceptPausedUntil = now + ACCEPT_ERROR_PAUSE_NANOS;
        return;
      }
      if (client == null) {
        return;
      }
      admit(client, now);
    }
  }

  private void admit(SocketChannel client, long now) {
    if (route == null || relays.size() >= maxConnections) {
      refused++;
      LOG.fine("route " + port + ": refusing a connection, " + relays.size() + " open");
      closeQuietly(client);
      return;
    }
    accepted++;
    if (route.targets().isEmpty()) {
      unreachable(List.of());
      closeQuietly(client);
      return;
    }
    Relay relay =
        new Relay(
            this, selector, scratch, client, route.targets(), "mec-ap-" + port + "-" + accepted);
    relays.add(relay);
    relay.start(now);
  }

  /** Lets every connection write what is due, time out, or close when drained and at rest. */
  void tick(long now) {
    if (acceptPaused && now - acceptPausedUntil >= 0 && key.isValid()) {
      acceptPaused = false;
      key.interestOps(SelectionKey.OP_ACCEPT);
    }
    for (Relay relay : List.copyOf(relays)) {
      try {
        relay.tick(now, route);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "route " + port + ": a connection failed unexpectedly", e);
        relay.close();
      }
    }
  }

  /** When {@link #tick} is next needed (nanoTime), or {@link Direction#NO_DEADLINE}. */
  long nextDeadline() {
    long next = acceptPaused ? acceptPausedUntil : Direction.NO_DEADLINE;
    for (Relay relay : relays) {
      next = Math.min(next, relay.nextDeadline());
    }
    return next;
  }

  RouteStats stats() {
    return new RouteStats(
        service, port, accepted, relays.size(), refused, unreachable, bytesUp, bytesDown);
  }

  void unreachable(List<String> refusals) {
    unreachable++;
    LOG.fine("route " + port + " (" + service + "): no target accepts, tried " + refusals);
  }

  void countUp(long bytes) {
    bytesUp += bytes;
  }

  void countDown(long bytes) {
    bytesDown += bytes;
  }

  void forget(Relay relay) {
    relays.remove(relay);
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is all that was asked for
    }
  }
}

package org.mecconpaas.agent.access;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One accepted connection: its first thread connects to the first target that accepts (nearest
 * first, {@link #CONNECT_TIMEOUT_MILLIS} each), then pumps client to target while a second thread
 * pumps target to client. Two threads per connection, both ending when the connection does.
 *
 * <p>When its target leaves the route (a migration switched traffic), the connection is drained: it
 * is closed once it is at rest, i.e. the target spoke last, nothing is queued and nothing moved for
 * {@link #AT_REST_MILLIS}. For HTTP that is a keep-alive connection between responses; the client's
 * next request opens a new connection, which reaches the new target. A request still waiting for
 * its answer (the client spoke last) is never cut.
 */
final class Relay {
  private static final Logger LOG = Logger.getLogger(Relay.class.getName());
  static final int CONNECT_TIMEOUT_MILLIS = 500;
  static final long AT_REST_MILLIS = 200;

  /** Who writes into the relay on one side. */
  enum Side {
    CLIENT,
    TARGET
  }

  private final RouteListener listener;
  private final Socket client;
  private final List<RouteTarget> candidates;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger finishedPumps = new AtomicInteger();
  private volatile Socket target;
  private volatile RouteTarget chosen;
  private volatile DelayedPump up;
  private volatile DelayedPump down;
  private volatile Side lastSpeaker;
  private volatile long lastActivity = System.nanoTime();

  Relay(RouteListener listener, Socket client, List<RouteTarget> candidates, String name) {
    this.listener = listener;
    this.client = client;
    this.candidates = candidates;
    this.name = name;
  }

  void start() {
    RouteListener.daemon(name + "-up", this::connectAndPump);
  }

  private void connectAndPump() {
    Socket connected = connect();
    if (connected == null) {
      close();
      return;
    }
    long delay = TimeUnit.MILLISECONDS.toNanos(chosen.latencyMillis());
    up = new DelayedPump(client, connected, delay, this, Side.CLIENT, listener.bytesUp);
    down = new DelayedPump(connected, client, delay, this, Side.TARGET, listener.bytesDown);
    RouteListener.daemon(name + "-down", down);
    up.run();
  }

  private Socket connect() {
    List<String> refusals = new ArrayList<>();
    for (RouteTarget candidate : candidates) {
      Socket socket = new Socket();
      target = socket;
      if (closed.get()) {
        RouteListener.closeQuietly(socket);
        return null;
      }
      try {
        client.setTcpNoDelay(true);
        socket.setTcpNoDelay(true);
        socket.connect(
            new InetSocketAddress(candidate.ip(), candidate.port()), CONNECT_TIMEOUT_MILLIS);
        chosen = candidate;
        return socket;
      } catch (IOException e) {
        RouteListener.closeQuietly(socket);
        refusals.add(candidate.address() + " (" + e.getMessage() + ")");
      }
    }
    if (!closed.get()) {
      listener.unreachable(refusals);
    }
    return null;
  }

  void heard(Side speaker) {
    lastSpeaker = speaker;
    lastActivity = System.nanoTime();
  }

  void touched() {
    lastActivity = System.nanoTime();
  }

  /** A pump saw the end of its stream and passed it on; the second one ends the connection. */
  void pumpFinished() {
    if (finishedPumps.incrementAndGet() == 2) {
      close();
    }
  }

  /** A pump failed (reset, closed under it): the whole connection ends. */
  void abort(Side speaker, IOException e) {
    if (!closed.get()) {
      LOG.finer(name + ": " + speaker.name().toLowerCase() + " side ended: " + e.getMessage());
    }
    close();
  }

  /**
   * Closes the connection when its target is no longer in {@code route} (null: the route is gone)
   * and it is at rest.
   */
  void closeIfDrainedAtRest(Route route, long now) {
    RouteTarget current = chosen;
    DelayedPump upPump = up;
    DelayedPump downPump = down;
    if (current == null || upPump == null || downPump == null) {
      return; // still connecting
    }
    boolean drained = route == null || !route.serves(current.address());
    boolean atRest =
        lastSpeaker != Side.CLIENT
            && upPump.idle()
            && downPump.idle()
            && now - lastActivity >= TimeUnit.MILLISECONDS.toNanos(AT_REST_MILLIS);
    if (drained && atRest) {
      LOG.fine(name + ": closing an idle connection to " + current.address() + ", left the route");
      close();
    }
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      RouteListener.closeQuietly(client);
      Socket socket = target;
      if (socket != null) {
        RouteListener.closeQuietly(socket);
      }
      listener.forget(this);
    }
  }
}

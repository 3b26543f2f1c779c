package org.mecconpaas.agent.access;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One accepted connection: connects to the first target that accepts (nearest first, {@link
 * #CONNECT_TIMEOUT_MILLIS} each), then relays both {@link Direction}s. Runs on the router's thread.
 *
 * <p>When its target leaves the route (a migration switched traffic), the connection is drained: it
 * is closed once it is at rest, i.e. the target spoke last, nothing is queued and nothing moved for
 * {@link #AT_REST_MILLIS}. For HTTP that is a keep-alive connection between responses; the client's
 * next request opens a new connection, which reaches the new target. A request still waiting for
 * its answer (the client spoke last) is never cut.
 */
final class Relay implements ReadyHandler {
  private static final Logger LOG = Logger.getLogger(Relay.class.getName());
  static final long CONNECT_TIMEOUT_MILLIS = 500;
  static final long AT_REST_MILLIS = 200;

  /** Who writes into the relay on one side. */
  enum Side {
    CLIENT,
    TARGET
  }

  private final RouteListener listener;
  private final Selector selector;
  private final ByteBuffer scratch;
  private final SocketChannel client;
  private final List<RouteTarget> candidates;
  private final String name;
  private final List<String> refusals = new ArrayList<>();
  private int nextCandidate;
  private RouteTarget attempt;
  private long connectDeadline;
  private SocketChannel target;
  private SelectionKey clientKey;
  private SelectionKey targetKey;
  private RouteTarget chosen;
  private Direction up;
  private Direction down;
  private Side lastSpeaker;
  private long lastActivity;
  private boolean closed;

  Relay(
      RouteListener listener,
      Selector selector,
      ByteBuffer scratch,
      SocketChannel client,
      List<RouteTarget> candidates,
      String name) {
    this.listener = listener;
    this.selector = selector;
    this.scratch = scratch;
    this.client = client;
    this.candidates = candidates;
    this.name = name;
  }

  void start(long now) {
    lastActivity = now;
    try {
      client.configureBlocking(false);
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      close();
      return;
    }
    connectNext(now);
  }

  private void connectNext(long now) {
    while (nextCandidate < candidates.size()) {
      attempt = candidates.get(nextCandidate++);
      try {
        target = SocketChannel.open();
        target.configureBlocking(false);
        target.setOption(StandardSocketOptions.TCP_NODELAY, true);
        targetKey = target.register(selector, SelectionKey.OP_CONNECT, this);
        connectDeadline = now + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MILLIS);
        if (target.connect(new InetSocketAddress(attempt.ip(), attempt.port()))) {
          connected();
        }
        return;
      } catch (IOException e) {
        refused(e.getMessage());
      }
    }
    listener.unreachable(refusals);
    close();
  }

  private void refused(String why) {
    refusals.add(attempt.address() + " (" + why + ")");
    RouteListener.closeQuietly(target);
    target = null;
  }

  private void connected() throws IOException {
    chosen = attempt;
    long delay = TimeUnit.MILLISECONDS.toNanos(chosen.latencyMillis());
    up = new Direction(client, target, delay, Side.CLIENT, listener::countUp);
    down = new Direction(target, client, delay, Side.TARGET, listener::countDown);
    clientKey = client.register(selector, 0, this);
    updateInterest();
  }

  @Override
  public void ready(SelectionKey key, long now) {
    try {
      if (chosen == null) {
        finishConnect(now);
        return;
      }
      boolean fromClient = key.channel() == client;
      Direction reading = fromClient ? up : down;
      Direction writing = fromClient ? down : up;
      if (key.isWritable()) {
        moved(writing.writeDue(now) > 0, now);
      }
      if (key.isReadable()) {
        if (reading.read(scratch, now) > 0) {
          lastSpeaker = reading.speaker;
          lastActivity = now;
        }
        moved(reading.writeDue(now) > 0, now);
      }
      afterIo();
    } catch (IOException e) {
      LOG.finer(name + ": connection ended: " + e.getMessage());
      close();
    }
  }

  private void finishConnect(long now) {
    try {
      if (target.finishConnect()) {
        connected();
      }
    } catch (IOException e) {
      refused(e.getMessage());
      connectNext(now);
    }
  }

  /**
   * Writes what came due, gives up a target that does not answer in time, and closes the connection
   * when its target left {@code route} (null: the route is gone) and it is at rest.
   */
  void tick(long now, Route route) {
    if (closed) {
      return;
    }
    if (chosen == null) {
      if (target != null && now - connectDeadline >= 0) {
        refused("no answer in " + CONNECT_TIMEOUT_MILLIS + " ms");
        connectNext(now);
      }
      return;
    }
    try {
      moved(up.writeDue(now) + down.writeDue(now) > 0, now);
      afterIo();
    } catch (IOException e) {
      close();
      return;
    }
    if (!closed && (route == null || !route.serves(chosen.address())) && atRest(now)) {
      LOG.fine(name + ": closing an idle connection to " + chosen.address() + ", left the route");
      close();
    }
  }

  private boolean atRest(long now) {
    return lastSpeaker != Side.CLIENT
        && up.idle()
        && down.idle()
        && now - lastActivity >= TimeUnit.MILLISECONDS.toNanos(AT_REST_MILLIS);
  }

  /** When this relay next needs {@link #tick} (nanoTime), or {@link Direction#NO_DEADLINE}. */
  long nextDeadline() {
    if (closed) {
      return Direction.NO_DEADLINE;
    }
    if (chosen == null) {
      return target != null ? connectDeadline : Direction.NO_DEADLINE;
    }
    return Math.min(up.nextDue(), down.nextDue());
  }

  private void moved(boolean wrote, long now) {
    if (wrote) {
      lastActivity = now;
    }
  }

  private void afterIo() {
    if (up.done() && down.done()) {
      close();
    } else if (!closed) {
      updateInterest();
    }
  }

  private void updateInterest() {
    clientKey.interestOps(
        (up.wantsRead() ? SelectionKey.OP_READ : 0)
            | (down.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    targetKey.interestOps(
        (down.wantsRead() ? SelectionKey.OP_READ : 0)
            | (up.wantsWrite() ? SelectionKey.OP_WRITE : 0));
  }

  @Override
  public void abort() {
    close();
  }

  void close() {
    if (!closed) {
      closed = true;
      RouteListener.closeQuietly(client);
      if (target != null) {
        RouteListener.closeQuietly(target);
      }
      listener.forget(this);
    }
  }
}

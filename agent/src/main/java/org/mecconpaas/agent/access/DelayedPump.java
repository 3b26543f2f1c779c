package org.mecconpaas.agent.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of a relayed connection, on one thread. Without latency it copies each chunk as it
 * arrives. With latency every chunk read is stamped due {@code delay} later and queued; the thread
 * reads with a socket timeout that ends when the oldest queued chunk is due, writes whatever is
 * due, and reads on, so chunks keep their order and each is delayed by the latency once, however
 * many are in flight. At most {@link #MAX_PENDING_BYTES} wait: beyond that the pump stops reading,
 * like a TCP window over a long path. End of stream is passed on as a half-close once the queue is
 * empty.
 */
final class DelayedPump implements Runnable {
  static final int CHUNK_BYTES = 8 * 1024;
  static final int MAX_PENDING_BYTES = 64 * 1024;

  private record Chunk(byte[] data, long due) {}

  private final Socket from;
  private final Socket to;
  private final long delayNanos;
  private final Relay relay;
  private final Relay.Side speaker;
  private final LongAdder forwarded;
  private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
  private int pendingBytes;
  private volatile boolean idle = true;

  /**
   * @param speaker who writes to {@code from}
   * @param forwarded counts the bytes written to {@code to}
   */
  DelayedPump(
      Socket from,
      Socket to,
      long delayNanos,
      Relay relay,
      Relay.Side speaker,
      LongAdder forwarded) {
    this.from = from;
    this.to = to;
    this.delayNanos = delayNanos;
    this.relay = relay;
    this.speaker = speaker;
    this.forwarded = forwarded;
  }

  @Override
  public void run() {
    try {
      pump(from.getInputStream(), to.getOutputStream());
      to.shutdownOutput();
      relay.pumpFinished();
    } catch (IOException e) {
      relay.abort(speaker, e);
    }
  }

  /** Nothing read that is not written yet. */
  boolean idle() {
    return idle;
  }

  private void pump(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[CHUNK_BYTES];
    boolean ended = false;
    while (true) {
      writeDue(out);
      if (ended && pending.isEmpty()) {
        return;
      }
      if (ended || pendingBytes >= MAX_PENDING_BYTES) {
        sleepUntilDue();
        continue;
      }
      from.setSoTimeout(pending.isEmpty() ? 0 : millisUntilDue());
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        continue; // the oldest chunk is due
      }
      if (n < 0) {
        ended = true;
        continue;
      }
      relay.heard(speaker);
      if (delayNanos == 0) {
        out.write(buffer, 0, n);
        forwarded.add(n);
      } else {
        idle = false;
        pending.addLast(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
        pendingBytes += n;
      }
    }
  }

  private void writeDue(OutputStream out) throws IOException {
    long now = System.nanoTime();
    while (!pending.isEmpty() && pending.peekFirst().due() - now <= 0) {
      Chunk chunk = pending.removeFirst();
      out.write(chunk.data());
      pendingBytes -= chunk.data().length;
      forwarded.add(chunk.data().length);
      relay.touched();
    }
    idle = pending.isEmpty();
  }

  private int millisUntilDue() {
    long nanos = pending.peekFirst().due() - System.nanoTime();
    return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
  }

  private void sleepUntilDue() throws InterruptedIOException {
    long nanos = pending.isEmpty() ? 0 : pending.peekFirst().due() - System.nanoTime();
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("relay interrupted");
    }
  }
}

package org.mecconpaas.agent.access;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * One direction of a relayed connection. Every chunk read is stamped due {@code delay} later and
 * queued; due chunks are written in order, so each is delayed by the latency once however many are
 * in flight (0 on real boards: due at once). At most {@link #MAX_PENDING_BYTES} wait: beyond that
 * the source is not read, like a TCP window over a long path. The end of the stream is passed on as
 * a half-close once the queue is empty. Not thread-safe: the router's thread only.
 */
final class Direction {
  static final int MAX_PENDING_BYTES = 64 * 1024;
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private record Chunk(ByteBuffer data, long due) {}

  final Relay.Side speaker;
  private final SocketChannel from;
  private final SocketChannel to;
  private final long delayNanos;
  private final LongConsumer forwarded;
  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
  private int pendingBytes;
  private boolean ended;
  private boolean blocked;
  private boolean shut;

  /**
   * @param speaker who writes into {@code from}
   * @param forwarded receives the number of bytes written to {@code to}
   */
  Direction(
      SocketChannel from,
      SocketChannel to,
      long delayNanos,
      Relay.Side speaker,
      LongConsumer forwarded) {
    this.from = from;
    this.to = to;
    this.delayNanos = delayNanos;
    this.speaker = speaker;
    this.forwarded = forwarded;
  }

  /** Reads what has arrived into the queue: bytes read, -1 at the end of the stream. */
  int read(ByteBuffer scratch, long now) throws IOException {
    scratch.clear();
    int n = from.read(scratch);
    if (n < 0) {
      ended = true;
    } else if (n > 0) {
      scratch.flip();
      ByteBuffer chunk = ByteBuffer.allocate(n).put(scratch).flip();
      chunks.addLast(new Chunk(chunk, now + delayNanos));
      pendingBytes += n;
    }
    return n;
  }

  /** Writes the due chunks until none is left or the destination is full: bytes written. */
  long writeDue(long now) throws IOException {
    long written = 0;
    blocked = false;
    while (!chunks.isEmpty() && chunks.peekFirst().due() - now <= 0) {
      ByteBuffer data = chunks.peekFirst().data();
      written += to.write(data);
      if (data.hasRemaining()) {
        blocked = true; // the selector says when it can take more
        break;
      }
      chunks.removeFirst();
      pendingBytes -= data.capacity();
    }
    if (ended && chunks.isEmpty() && !shut) {
      to.shutdownOutput();
      shut = true;
    }
    forwarded.accept(written);
    return written;
  }

  boolean wantsRead() {
    return !ended && pendingBytes < MAX_PENDING_BYTES;
  }

  boolean wantsWrite() {
    return blocked;
  }

  /** When the oldest chunk is due (nanoTime), or {@link #NO_DEADLINE}. */
  long nextDue() {
    return chunks.isEmpty() || blocked ? NO_DEADLINE : chunks.peekFirst().due();
  }

  /** Nothing read that is not written yet. */
  boolean idle() {
    return chunks.isEmpty();
  }

  /** The end of the stream was read and passed on. */
  boolean done() {
    return shut;
  }
}

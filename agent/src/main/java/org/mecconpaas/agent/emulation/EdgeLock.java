package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One namespaced emulated edge per machine: its names ({@code mecbr0}, {@code mec-nX}) are global.
 * The running edge holds a lock on {@code /run/mec-edge.lock}; the kernel drops it when the holder
 * dies, so leftovers found while the lock is free are a crashed run's and may be removed, and a
 * second edge refuses to start instead of tearing down a running one.
 */
public final class EdgeLock implements AutoCloseable {

  static final Path FILE = Path.of("/run/mec-edge.lock");

  private final FileChannel channel;
  private final FileLock lock;

  private EdgeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty while another emulated edge (in any process) holds it. */
  public static Optional<EdgeLock> tryAcquire() throws IOException {
    FileChannel channel =
        FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another edge of this JVM
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    return Optional.of(new EdgeLock(channel, lock));
  }

  /** The lock, or an error naming the holder. */
  static EdgeLock acquire() throws IOException {
    return tryAcquire()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "another emulated edge runs on this machine (PID "
                        + holder()
                        + ", lock "
                        + FILE
                        + "): stop it first; there is one per machine"));
  }

  static String holder() {
    try {
      return Files.readString(FILE).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the channel anyway
    }
  }
}

package org.mecconpaas.agent.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One agent per state directory: two agents reconciling the same containers would fight over them
 * (one removing what the other just adopted). The lock is released with the process.
 */
public final class StateDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StateDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another agent holds it. */
  public static Optional<StateDirLock> tryAcquire(Path stateDir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            stateDir.resolve("agent.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(new StateDirLock(channel, lock));
      }
    } catch (OverlappingFileLockException e) {
      // held by another agent in this JVM (tests)
    }
    channel.close();
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}

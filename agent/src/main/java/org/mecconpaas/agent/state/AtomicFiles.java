package org.mecconpaas.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whole-file replacement through a temporary file and a rename, so a power cut on a board leaves
 * either the old or the new content, never half a file.
 */
public final class AtomicFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AtomicFiles() {}

  public static void write(Path file, byte[] content) throws IOException {
    replace(file, content, null);
  }

  /**
   * Like {@link #write} but the file is created with mode 0600, so the secret is never readable by
   * others, not even between creation and a later chmod.
   */
  public static void writeSecret(Path file, byte[] content) throws IOException {
    replace(file, content, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
  }

  private static void replace(Path file, byte[] content, FileAttribute<?> mode) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        dir.resolve(
            "."
                + file.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId());
    Files.deleteIfExists(temp);
    var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel channel =
        mode == null ? FileChannel.open(temp, options) : FileChannel.open(temp, options, mode)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

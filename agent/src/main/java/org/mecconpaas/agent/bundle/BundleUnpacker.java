package org.mecconpaas.agent.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.mecconpaas.catalog.CodeFormat;

/**
 * Unpacks an archive into an empty directory. Every entry and every symbolic link target must stay
 * inside that directory and nothing is written through a link, so a hostile archive cannot touch
 * the agent's files. Modes are reduced to 0644/0755 (no setuid); {@code *.sh} become executable.
 */
public final class BundleUnpacker {
  /** Larger than any sensible bundle for a board; stops archive bombs from filling the disk. */
  static final long MAX_UNPACKED_BYTES = 2L * 1024 * 1024 * 1024;

  private static final Set<PosixFilePermission> PLAIN =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path root;
  private long written;

  private BundleUnpacker(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Unpacks {@code archive} into {@code into}, which is created and must not exist yet.
   *
   * @throws BundleRejected when the archive is malformed or has an unsafe entry
   */
  public static void unpack(Path archive, CodeFormat format, Path into) throws IOException {
    Files.createDirectories(into.getParent());
    Files.createDirectory(into);
    BundleUnpacker unpacker = new BundleUnpacker(into);
    if (format.isZipContainer()) {
      unpacker.unpackZip(archive);
    } else {
      unpacker.unpackTarGz(archive);
    }
  }

  private void unpackZip(Path archive) throws IOException {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setPath(archive).get();
    } catch (IOException e) {
      throw new BundleRejected("not a valid zip archive: " + e.getMessage(), e);
    }
    try (zip) {
      Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          directory(entry.getName());
        } else if (entry.isUnixSymlink()) {
          symlink(entry.getName(), zip.getUnixSymlink(entry));
        } else {
          try (InputStream in = zip.getInputStream(entry)) {
            file(entry.getName(), in, (entry.getUnixMode() & 0111) != 0);
          }
        }
      }
    }
  }

  private void unpackTarGz(Path archive) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(gunzip(raw))) {
      for (TarArchiveEntry entry = nextEntry(tar); entry != null; entry = nextEntry(tar)) {
        if (entry.isDirectory()) {
          directory(entry.getName());
        } else if (entry.isSymbolicLink()) {
          symlink(entry.getName(), entry.getLinkName());
        } else if (entry.isLink()) {
          hardLinkAsCopy(entry.getName(), entry.getLinkName());
        } else if (entry.isFile()) {
          file(entry.getName(), tar, (entry.getMode() & 0111) != 0);
        }
        // devices and FIFOs have no place in a code bundle: skipped
      }
    }
  }

  private void directory(String name) throws IOException {
    Path dir = inside(name);
    Files.createDirectories(dir);
  }

  private void file(String name, InputStream content, boolean executable) throws IOException {
    Path file = inside(name);
    Files.createDirectories(file.getParent());
    checkNoLinkOnTheWay(file.getParent());
    boolean exec = executable || name.endsWith(".sh");
    // CREATE_NEW never follows a link planted at the target; duplicates are refused too
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      copy(name, content, out);
    } catch (FileAlreadyExistsException e) {
      throw new BundleRejected("unsafe archive: entry '" + name + "' exists twice or is a link");
    }
    Files.setPosixFilePermissions(file, exec ? EXECUTABLE : PLAIN);
  }

  private void symlink(String name, String target) throws IOException {
    Path link = inside(name);
    if (target == null || target.isEmpty() || target.startsWith("/")) {
      throw new BundleRejected("unsafe archive: link " + name + " -> " + target);
    }
    if (!link.getParent().resolve(target).normalize().startsWith(root)) {
      throw new BundleRejected(
          "unsafe archive: link " + name + " -> " + target + " leaves the bundle");
    }
    Files.createDirectories(link.getParent());
    checkNoLinkOnTheWay(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
  }

  private void hardLinkAsCopy(String name, String target) throws IOException {
    Path source = inside(target);
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new BundleRejected("unsafe archive: hard link " + name + " -> " + target);
    }
    Path copy = inside(name);
    Files.createDirectories(copy.getParent());
    checkNoLinkOnTheWay(copy.getParent());
    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** The entry's path, refusing absolute names and {@code ..} that climb out of the bundle. */
  private Path inside(String name) throws BundleRejected {
    if (name.indexOf('\0') >= 0 || name.startsWith("/") || name.contains("\\")) {
      throw new BundleRejected("unsafe archive: entry '" + name + "'");
    }
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) {
      throw new BundleRejected("unsafe archive: entry '" + name + "' leaves the bundle");
    }
    return path;
  }

  /** Refuses to write below a symbolic link the archive created earlier. */
  private void checkNoLinkOnTheWay(Path dir) throws BundleRejected {
    for (Path p = dir; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new BundleRejected("unsafe archive: writes through the link " + root.relativize(p));
      }
    }
  }

  private void copy(String name, InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException e) {
        throw new BundleRejected("archive entry " + name + " cannot be read: " + e.getMessage(), e);
      }
      if (n < 0) {
        return;
      }
      written += n;
      if (written > MAX_UNPACKED_BYTES) {
        throw new BundleRejected("archive unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
  }

  private static InputStream gunzip(InputStream raw) throws BundleRejected {
    try {
      return new GZIPInputStream(raw, 16 * 1024);
    } catch (IOException e) {
      throw new BundleRejected("not a gzip archive: " + e.getMessage(), e);
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws BundleRejected {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      throw new BundleRejected("not a valid tar archive: " + e.getMessage(), e);
    }
  }
}

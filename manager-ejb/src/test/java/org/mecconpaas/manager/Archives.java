package org.mecconpaas.manager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds real archives in memory for the tests. */
public final class Archives {
  private Archives() {}

  /** What goes into an archive. */
  public sealed interface Entry permits File, Dir, Symlink, HardLink {
    String name();
  }

  public record File(String name, byte[] content) implements Entry {}

  public record Dir(String name) implements Entry {}

  public record Symlink(String name, String target) implements Entry {}

  public record HardLink(String name, String target) implements Entry {}

  public static File file(String name, String content) {
    return new File(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public static File file(String name, byte[] content) {
    return new File(name, content);
  }

  public static Dir dir(String name) {
    return new Dir(name);
  }

  public static Symlink symlink(String name, String target) {
    return new Symlink(name, target);
  }

  public static HardLink hardLink(String name, String target) {
    return new HardLink(name, target);
  }

  /** A small valid bundle such as a developer would upload. */
  public static byte[] sampleZip() {
    return zip(dir("scripts/"), file("scripts/run.sh", "#!/bin/sh\necho hello\n"));
  }

  /** A ZIP written by {@link ZipOutputStream}, as most tools do; files and directories only. */
  public static byte[] zip(Entry... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Entry entry : entries) {
        zip.putNextEntry(new ZipEntry(entry.name()));
        if (entry instanceof File f) {
          zip.write(f.content());
        } else if (!(entry instanceof Dir)) {
          throw new IllegalArgumentException("java.util.zip cannot write " + entry);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A ZIP made on "Unix", with file modes, so it can hold symbolic links. */
  public static byte[] unixZip(Entry... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (Entry entry : entries) {
        ZipArchiveEntry z = new ZipArchiveEntry(entry.name());
        byte[] content;
        if (entry instanceof File f) {
          z.setUnixMode(0100644);
          content = f.content();
        } else if (entry instanceof Dir) {
          z.setUnixMode(040755);
          content = new byte[0];
        } else if (entry instanceof Symlink s) {
          z.setUnixMode(0120777);
          content = s.target().getBytes(StandardCharsets.UTF_8);
        } else {
          throw new IllegalArgumentException("a ZIP has no hard links: " + entry);
        }
        zip.putArchiveEntry(z);
        zip.write(content);
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A gzip-compressed POSIX tar; names are written as given, absolute ones included. */
  public static byte[] tarGz(Entry... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry entry : entries) {
        TarArchiveEntry t;
        byte[] content = new byte[0];
        if (entry instanceof File f) {
          t = new TarArchiveEntry(f.name(), true);
          content = f.content();
          t.setSize(content.length);
        } else if (entry instanceof Dir d) {
          t = new TarArchiveEntry(d.name().endsWith("/") ? d.name() : d.name() + "/", true);
        } else if (entry instanceof Symlink s) {
          t = new TarArchiveEntry(s.name(), TarConstants.LF_SYMLINK, true);
          t.setLinkName(s.target());
        } else {
          HardLink h = (HardLink) entry;
          t = new TarArchiveEntry(h.name(), TarConstants.LF_LINK, true);
          t.setLinkName(h.target());
        }
        tar.putArchiveEntry(t);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Path write(Path dir, String fileName, byte[] content) {
    try {
      return Files.write(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

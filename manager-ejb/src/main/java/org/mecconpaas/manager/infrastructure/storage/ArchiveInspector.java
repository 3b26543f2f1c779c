package org.mecconpaas.manager.infrastructure.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.mecconpaas.catalog.CodeFormat;

/**
 * Checks that an uploaded archive is what it claims to be and is safe to unpack on a node: readable
 * to the end (every entry's checksum verified), no entry or link escaping the root, no device
 * files, and bounded in entries and unpacked size.
 */
public final class ArchiveInspector {
  private static final int MAX_ENTRIES = 100_000;

  private final long maxUnpackedBytes;

  public ArchiveInspector(long maxUnpackedBytes) {
    this.maxUnpackedBytes = maxUnpackedBytes;
  }

  /**
   * @throws BadArchive with a message for the developer when the archive must be refused
   */
  public void inspect(Path archive, CodeFormat claimed) throws BadArchive {
    try {
      if (claimed.isZipContainer()) {
        requireMagic(archive, claimed, 0x50, 0x4b);
        inspectZip(archive);
      } else {
        requireMagic(archive, claimed, 0x1f, 0x8b);
        inspectTarGz(archive);
      }
    } catch (IOException | RuntimeException e) {
      // commons-compress reports truncation and bad checksums as IOExceptions, and some malformed
      // headers as runtime exceptions.
      throw new BadArchive("the " + claimed.label() + " archive is corrupt: " + e.getMessage());
    }
  }

  private static void requireMagic(Path archive, CodeFormat claimed, int first, int second)
      throws IOException, BadArchive {
    try (InputStream in = Files.newInputStream(archive)) {
      if (in.read() != first || in.read() != second) {
        throw new BadArchive("the file is not a " + claimed.label() + " archive");
      }
    }
  }

  private void inspectZip(Path archive) throws IOException, BadArchive {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      EntryBudget budget = new EntryBudget();
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        budget.count(entry);
        if (entry.isUnixSymlink()) {
          EntryPaths.requireLinkInside(entry.getName(), zip.getUnixSymlink(entry));
        } else if (!entry.isDirectory()) {
          // commons-compress does not check CRC-32 itself; damaged data must not reach a node
          CRC32 crc = new CRC32();
          try (InputStream data = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            budget.consume(data);
          }
          if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new BadArchive(
                "the zip archive is corrupt: entry " + entry.getName() + " fails its CRC-32 check");
          }
        }
      }
      budget.requireEntries();
    }
  }

  private void inspectTarGz(Path archive) throws IOException, BadArchive {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      EntryBudget budget = new EntryBudget();
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        budget.count(entry);
        if (entry.isSymbolicLink()) {
          EntryPaths.requireLinkInside(entry.getName(), entry.getLinkName());
        } else if (entry.isLink()) {
          // hard link targets are named from the archive's root, like entries
          EntryPaths.requireInside(entry.getLinkName());
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
          throw new BadArchive("entry " + entry.getName() + " is a device or pipe");
        } else if (entry.isFile()) {
          budget.consume(tar);
        }
      }
      budget.requireEntries();
    }
  }

  /** Counts entries and unpacked bytes against the limits, and checks each entry's path. */
  private final class EntryBudget {
    private int entries;
    private long unpacked;
    private final byte[] buffer = new byte[64 * 1024];

    void count(ArchiveEntry entry) throws BadArchive {
      EntryPaths.requireInside(entry.getName());
      if (++entries > MAX_ENTRIES) {
        throw new BadArchive("the archive has more than " + MAX_ENTRIES + " entries");
      }
    }

    void consume(InputStream data) throws IOException, BadArchive {
      int read;
      while ((read = data.read(buffer)) > 0) {
        unpacked += read;
        if (unpacked > maxUnpackedBytes) {
          throw new BadArchive("the archive unpacks to more than " + maxUnpackedBytes + " bytes");
        }
      }
    }

    void requireEntries() throws BadArchive {
      if (entries == 0) {
        throw new BadArchive("the archive is empty");
      }
    }
  }
}

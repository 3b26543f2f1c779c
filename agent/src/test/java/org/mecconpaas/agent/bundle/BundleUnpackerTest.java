package org.mecconpaas.agent.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.testing.Bundles;
import org.mecconpaas.catalog.CodeFormat;

class BundleUnpackerTest {
  @TempDir Path temp;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(temp.resolve(name), bytes);
  }

  /** Entries: name → content; a content starting with "->" makes a symbolic link. */
  private static byte[] tarGz(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        if (e.getValue().startsWith("->")) {
          TarArchiveEntry link = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
          link.setLinkName(e.getValue().substring(2));
          tar.putArchiveEntry(link);
        } else {
          byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry file = new TarArchiveEntry(e.getKey());
          file.setSize(data.length);
          file.setMode(e.getKey().startsWith("bin/") ? 0100755 : 0100644);
          tar.putArchiveEntry(file);
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void zipIsUnpackedWithScriptsExecutable() throws IOException {
    Path archive =
        write("b.zip", Bundles.zip(Map.of("run.sh", "echo", "conf/app.txt", "x", "README", "r")));
    Path into = temp.resolve("out");
    BundleUnpacker.unpack(archive, CodeFormat.ZIP, into);
    assertEquals("x", Files.readString(into.resolve("conf/app.txt")));
    assertEquals("rwxr-xr-x", mode(into.resolve("run.sh")));
    assertEquals("rw-r--r--", mode(into.resolve("README")));
  }

  @Test
  void tarGzKeepsExecutableBitsAndInsideLinks() throws IOException {
    Path archive =
        write("b.tgz", tarGz(Map.of("bin/tool", "t", "data/a.txt", "a", "latest", "->data/a.txt")));
    Path into = temp.resolve("out");
    BundleUnpacker.unpack(archive, CodeFormat.TAR_GZ, into);
    assertEquals("rwxr-xr-x", mode(into.resolve("bin/tool")));
    assertTrue(Files.isSymbolicLink(into.resolve("latest")));
    assertEquals("a", Files.readString(into.resolve("latest")));
  }

  @Test
  void entriesClimbingOutAreRefused() throws IOException {
    Path archive = write("evil.zip", Bundles.zip(Map.of("ok.txt", "1", "../evil.txt", "pwned")));
    BundleRejected rejected =
        assertThrows(
            BundleRejected.class,
            () -> BundleUnpacker.unpack(archive, CodeFormat.ZIP, temp.resolve("out")));
    assertTrue(rejected.getMessage().contains("../evil.txt"), rejected.getMessage());
    assertFalse(Files.exists(temp.resolve("evil.txt")));
  }

  @Test
  void absoluteEntriesAreRefused() throws IOException {
    Path archive = write("abs.zip", Bundles.zip(Map.of("/tmp/mec-evil.txt", "pwned")));
    assertThrows(
        BundleRejected.class,
        () -> BundleUnpacker.unpack(archive, CodeFormat.ZIP, temp.resolve("out")));
  }

  @Test
  void linksPointingOutAreRefused() throws IOException {
    Path archive = write("link.tgz", tarGz(Map.of("etc", "->../../../etc")));
    assertThrows(
        BundleRejected.class,
        () -> BundleUnpacker.unpack(archive, CodeFormat.TAR_GZ, temp.resolve("out")));
  }

  @Test
  void writingThroughALinkIsRefused() throws IOException {
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    entries.put("sub/", "");
    entries.put("dir", "->sub");
    entries.put("dir/file.txt", "through the link");
    Path archive = write("through.tgz", tarGzOrdered(entries));
    assertThrows(
        BundleRejected.class,
        () -> BundleUnpacker.unpack(archive, CodeFormat.TAR_GZ, temp.resolve("out")));
  }

  @Test
  void garbageIsRejectedNotRetried() throws IOException {
    Path archive = write("junk.zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));
    assertThrows(
        BundleRejected.class,
        () -> BundleUnpacker.unpack(archive, CodeFormat.ZIP, temp.resolve("out")));
  }

  @Test
  void fetcherKeepsOnlyArchivesWithTheExpectedDigest() throws IOException {
    byte[] archive = Bundles.zip(Map.of("run.sh", "echo"));
    BundleFetcher fetcher = new BundleFetcher((path, target) -> Files.write(target, archive));
    Path target = temp.resolve("download");
    fetcher.fetch(
        new CodeRef(1, Bundles.sha256(archive).toUpperCase(), "/b", CodeFormat.ZIP), target);
    assertTrue(Files.exists(target));

    CodeRef wrong = new CodeRef(2, Bundles.sha256(new byte[] {1}), "/b", CodeFormat.ZIP);
    BundleRejected rejected =
        assertThrows(BundleRejected.class, () -> fetcher.fetch(wrong, target));
    assertTrue(rejected.getMessage().startsWith("checksum mismatch"));
    assertFalse(Files.exists(target));
  }

  private static byte[] tarGzOrdered(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        TarArchiveEntry entry;
        if (e.getKey().endsWith("/")) {
          entry = new TarArchiveEntry(e.getKey());
          tar.putArchiveEntry(entry);
        } else if (e.getValue().startsWith("->")) {
          entry = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(e.getValue().substring(2));
          tar.putArchiveEntry(entry);
        } else {
          byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
          entry = new TarArchiveEntry(e.getKey());
          entry.setSize(data.length);
          tar.putArchiveEntry(entry);
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}

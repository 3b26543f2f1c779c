package org.mecconpaas.manager.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.manager.Archives.dir;
import static org.mecconpaas.manager.Archives.file;
import static org.mecconpaas.manager.Archives.hardLink;
import static org.mecconpaas.manager.Archives.symlink;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.manager.Archives;

class ArchiveInspectorTest {
  private static final long LIMIT = 64 * 1024;

  @TempDir Path dir;
  private final ArchiveInspector inspector = new ArchiveInspector(LIMIT);

  private Path write(byte[] content) {
    return Archives.write(dir, "upload.bin", content);
  }

  private void accepts(byte[] archive, CodeFormat format) {
    assertDoesNotThrow(() -> inspector.inspect(write(archive), format));
  }

  private BadArchive refuses(byte[] archive, CodeFormat format, String reason) {
    Path file = write(archive);
    BadArchive bad = assertThrows(BadArchive.class, () -> inspector.inspect(file, format));
    assertTrue(
        bad.getMessage().contains(reason),
        () -> "expected '" + reason + "' in: " + bad.getMessage());
    return bad;
  }

  // ---- accepted

  @Test
  void acceptsAZip() {
    accepts(
        Archives.zip(dir("app/"), file("app/run.sh", "echo hi"), file("README", "read me")),
        CodeFormat.ZIP);
  }

  @Test
  void acceptsATarGz() {
    accepts(
        Archives.tarGz(dir("app"), file("app/run.sh", "echo hi"), file("README", "read me")),
        CodeFormat.TAR_GZ);
  }

  @Test
  void acceptsJarAndWarAsZipContainers() {
    byte[] jar =
        Archives.zip(dir("META-INF/"), file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
    accepts(jar, CodeFormat.JAR);
    accepts(jar, CodeFormat.WAR);
  }

  @Test
  void acceptsDotSegmentsThatStayInside() {
    accepts(Archives.zip(file("a/./b/../c.txt", "x")), CodeFormat.ZIP);
    accepts(Archives.tarGz(file("./a/b/../c.txt", "x")), CodeFormat.TAR_GZ);
  }

  @Test
  void acceptsSymlinksThatStayInside() {
    accepts(
        Archives.tarGz(
            file("app/data/x", "x"), symlink("app/bin/link", "../data/x"), symlink("top", "app")),
        CodeFormat.TAR_GZ);
    accepts(
        Archives.unixZip(file("app/data/x", "x"), symlink("app/bin/link", "../data/x")),
        CodeFormat.ZIP);
  }

  @Test
  void acceptsHardLinksToEntriesOfTheArchive() {
    accepts(
        Archives.tarGz(file("app/data/x", "x"), hardLink("app/y", "app/data/x")),
        CodeFormat.TAR_GZ);
  }

  @Test
  void acceptsContentUpToTheLimit() {
    accepts(Archives.zip(file("big", new byte[(int) LIMIT])), CodeFormat.ZIP);
  }

  // ---- entries escaping the bundle

  @ParameterizedTest
  @ValueSource(strings = {"../evil", "a/../../evil", "/etc/passwd", "a/b/../../../evil"})
  void refusesZipEntriesOutsideTheBundle(String name) {
    refuses(
        Archives.zip(file("ok.txt", "ok"), file(name, "x")),
        CodeFormat.ZIP,
        "would be unpacked outside the bundle");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil", "a/../../evil", "/etc/passwd", "a/b/../../../evil"})
  void refusesTarEntriesOutsideTheBundle(String name) {
    refuses(
        Archives.tarGz(file("ok.txt", "ok"), file(name, "x")),
        CodeFormat.TAR_GZ,
        "would be unpacked outside the bundle");
  }

  @Test
  void refusesDirectoryEntriesOutsideTheBundle() {
    refuses(Archives.tarGz(dir("../up")), CodeFormat.TAR_GZ, "outside the bundle");
    refuses(Archives.zip(dir("../up/")), CodeFormat.ZIP, "outside the bundle");
  }

  @Test
  void refusesBackslashesInTarNames() {
    refuses(
        Archives.tarGz(file("app\\run.sh", "x")),
        CodeFormat.TAR_GZ,
        "would be unpacked outside the bundle");
    refuses(
        Archives.tarGz(file("..\\..\\evil", "x")),
        CodeFormat.TAR_GZ,
        "would be unpacked outside the bundle");
  }

  @Test
  void refusesBackslashesInZipNames() {
    // a name with '/' keeps its backslashes whatever the platform the ZIP claims
    refuses(
        Archives.zip(file("app/..\\..\\evil", "x")),
        CodeFormat.ZIP,
        "would be unpacked outside the bundle");
    // a DOS-made ZIP without '/' has its backslashes read as separators: still caught
    refuses(
        Archives.zip(file("..\\..\\evil", "x")),
        CodeFormat.ZIP,
        "would be unpacked outside the bundle");
  }

  @Test
  void refusesDriveLetters() {
    refuses(Archives.tarGz(file("C:evil", "x")), CodeFormat.TAR_GZ, "outside the bundle");
  }

  // ---- links

  @ParameterizedTest
  @ValueSource(strings = {"../../etc", "/etc/passwd", "../../../../../../etc/shadow"})
  void refusesTarSymlinksPointingOutside(String target) {
    refuses(
        Archives.tarGz(file("app/run.sh", "x"), symlink("app/link", target)),
        CodeFormat.TAR_GZ,
        "link 'app/link' points outside the bundle");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc", "/etc/passwd"})
  void refusesZipSymlinksPointingOutside(String target) {
    refuses(
        Archives.unixZip(file("app/run.sh", "x"), symlink("app/link", target)),
        CodeFormat.ZIP,
        "link 'app/link' points outside the bundle");
  }

  @Test
  void refusesATopLevelSymlinkToTheParent() {
    refuses(Archives.tarGz(symlink("up", "..")), CodeFormat.TAR_GZ, "points outside the bundle");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd"})
  void refusesHardLinksOutside(String target) {
    refuses(
        Archives.tarGz(file("app/run.sh", "x"), hardLink("app/passwd", target)),
        CodeFormat.TAR_GZ,
        "would be unpacked outside the bundle");
  }

  // ---- damaged or mislabelled

  @Test
  void refusesATruncatedZip() {
    byte[] zip = Archives.zip(file("a.txt", "some text ".repeat(100)), file("b.txt", "more"));
    refuses(Arrays.copyOf(zip, zip.length / 2), CodeFormat.ZIP, "the zip archive is corrupt");
  }

  @Test
  void refusesATruncatedTarGz() {
    byte[] tgz = Archives.tarGz(file("a.bin", randomBytes(20_000)), file("b.txt", "more"));
    refuses(Arrays.copyOf(tgz, tgz.length / 2), CodeFormat.TAR_GZ, "the tar.gz archive is corrupt");
  }

  @Test
  void refusesATarGzWithoutItsGzipTrailer() {
    byte[] tgz = Archives.tarGz(file("a.txt", "hello"));
    refuses(Arrays.copyOf(tgz, tgz.length - 8), CodeFormat.TAR_GZ, "corrupt");
  }

  @Test
  void refusesAZipClaimingToBeTarGz() {
    refuses(
        Archives.zip(file("a.txt", "x")), CodeFormat.TAR_GZ, "the file is not a tar.gz archive");
  }

  @Test
  void refusesATarGzClaimingToBeZipJarOrWar() {
    byte[] tgz = Archives.tarGz(file("a.txt", "x"));
    refuses(tgz, CodeFormat.ZIP, "the file is not a zip archive");
    refuses(tgz, CodeFormat.JAR, "the file is not a jar archive");
    refuses(tgz, CodeFormat.WAR, "the file is not a war archive");
  }

  @Test
  void refusesFilesThatAreNoArchiveAtAll() {
    refuses(new byte[0], CodeFormat.ZIP, "the file is not a zip archive");
    refuses(new byte[0], CodeFormat.TAR_GZ, "the file is not a tar.gz archive");
    refuses("#!/bin/sh\n".getBytes(), CodeFormat.ZIP, "not a zip archive");
  }

  @Test
  void refusesEmptyArchives() {
    refuses(Archives.zip(), CodeFormat.ZIP, "the archive is empty");
    refuses(Archives.tarGz(), CodeFormat.TAR_GZ, "the archive is empty");
  }

  @Test
  void refusesAZipUnpackingPastTheLimit() {
    // compresses to almost nothing, unpacks past the limit: a small zip bomb
    refuses(
        Archives.zip(
            file("a", new byte[(int) LIMIT / 2]), file("b", new byte[(int) LIMIT / 2 + 1])),
        CodeFormat.ZIP,
        "the archive unpacks to more than " + LIMIT + " bytes");
  }

  @Test
  void refusesATarGzUnpackingPastTheLimit() {
    refuses(
        Archives.tarGz(file("a", new byte[(int) LIMIT + 1])),
        CodeFormat.TAR_GZ,
        "the archive unpacks to more than " + LIMIT + " bytes");
  }

  @Test
  void refusesAZipWhoseDataWasDamaged() {
    byte[] zip = Archives.zip(file("a.bin", randomBytes(4096)));
    // Flip bytes in the middle of the entry's data, leaving headers intact. Random bytes do not
    // compress, deflate stores them as they are, so only the CRC-32 can tell.
    for (int i = 200; i < 260; i++) {
      zip[i] ^= 0x5a;
    }
    refuses(zip, CodeFormat.ZIP, "the zip archive is corrupt");
  }

  @Test
  void refusesATarGzWhoseDataWasDamaged() {
    byte[] tgz = Archives.tarGz(file("a.bin", randomBytes(4096)));
    for (int i = 200; i < 260; i++) {
      tgz[i] ^= 0x5a;
    }
    refuses(tgz, CodeFormat.TAR_GZ, "the tar.gz archive is corrupt");
  }

  /** Bytes that do not compress away, so damage and truncation hit real data. */
  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}

package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.manager.Archives.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.Archives;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.application.CodeVersions.Download;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Service;

class CodeVersionsTest extends MasterTestSupport {
  private Caller alice;

  @BeforeEach
  void aliceHasAGenericService() {
    alice = master.developer(master.admin(), "alice");
    master.run(() -> master.applicationOperations.create(alice, "shop", null));
    master.run(() -> master.serviceOperations.create(alice, "shop", "web", "generic", null, null));
  }

  private CodeVersion upload(CodeVersions versions, String fileName, byte[] content) {
    return master.inTransaction(
        () -> versions.upload(alice, "shop", "web", fileName, new ByteArrayInputStream(content)));
  }

  private CodeVersion upload(String fileName, byte[] content) {
    return upload(master.codeVersions, fileName, content);
  }

  private Service web() {
    return master.inTransaction(() -> master.serviceOperations.find(alice, "shop", "web"));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertNothingStored() {
    assertEquals(0, master.countRows("code_versions"));
    assertEquals(List.of(), master.filesUnderDataDir());
    assertNull(web().activeCodeVersion());
  }

  @Test
  void theFirstUploadIsVersionOneAndActive() throws IOException {
    byte[] zip = Archives.sampleZip();

    CodeVersion v1 = upload("C:\\Users\\alice\\bundle.zip", zip);

    assertEquals(1, v1.version());
    assertEquals("bundle.zip", v1.fileName());
    assertEquals("zip", v1.format());
    assertEquals(zip.length, v1.sizeBytes());
    assertEquals(sha256(zip), v1.sha256());
    assertEquals("alice", v1.uploadedBy());
    assertEquals(MutableClock.START, v1.uploadedAt());

    Service web = web();
    assertEquals(1, web.activeCodeVersion());
    assertEquals(2, web.generation());

    Download download =
        master.inTransaction(() -> master.codeVersions.download(alice, "shop", "web", 1));
    Path file = download.file();
    assertTrue(file.startsWith(dataDir), file.toString());
    assertArrayEquals(zip, Files.readAllBytes(file));
    assertEquals(List.of(file), master.filesUnderDataDir());
    assertEquals(sha256(zip), download.version().sha256());
  }

  @Test
  void laterUploadsWaitToBeEnabled() {
    upload("one.zip", Archives.sampleZip());
    byte[] second = Archives.tarGz(file("run.sh", "echo two"));

    CodeVersion v2 = upload("two.tgz", second);

    assertEquals(2, v2.version());
    assertEquals("tar.gz", v2.format());
    assertEquals(sha256(second), v2.sha256());
    assertEquals(1, web().activeCodeVersion());
    assertEquals(2, web().generation());
    assertEquals(2, master.filesUnderDataDir().size());
    assertEquals(
        List.of(1, 2),
        master.inTransaction(
            () ->
                master.codeVersions.list(alice, "shop", "web").stream()
                    .map(CodeVersion::version)
                    .toList()));
  }

  @Test
  void enablingMakesAVersionActiveAndBumpsTheGeneration() {
    upload("one.zip", Archives.sampleZip());
    upload("two.zip", Archives.sampleZip());

    master.run(() -> master.codeVersions.enable(alice, "shop", "web", 2));

    Service web = web();
    assertEquals(2, web.activeCodeVersion());
    assertEquals(3, web.generation());
  }

  @Test
  void theActiveVersionCannotBeDeleted() {
    upload("one.zip", Archives.sampleZip());

    assertThrows(
        StateConflict.class, tx(() -> master.codeVersions.delete(alice, "shop", "web", 1)));

    assertEquals(1, master.countRows("code_versions"));
    assertEquals(1, master.filesUnderDataDir().size());
  }

  @Test
  void deletingAnInactiveVersionRemovesRowAndFile() {
    upload("one.zip", Archives.sampleZip());
    upload("two.zip", Archives.sampleZip());
    master.run(() -> master.codeVersions.enable(alice, "shop", "web", 2));
    Path v1 =
        master.inTransaction(() -> master.codeVersions.download(alice, "shop", "web", 1)).file();
    assertTrue(Files.exists(v1));

    master.run(() -> master.codeVersions.delete(alice, "shop", "web", 1));

    assertFalse(Files.exists(v1));
    assertEquals(1, master.countRows("code_versions"));
    assertEquals(1, master.filesUnderDataDir().size());
    assertThrows(
        ResourceNotFound.class, tx(() -> master.codeVersions.download(alice, "shop", "web", 1)));
  }

  @Test
  void numbersKeepGrowingAfterADeleteOfAnOlderVersion() {
    upload("one.zip", Archives.sampleZip());
    upload("two.zip", Archives.sampleZip());
    master.run(() -> master.codeVersions.enable(alice, "shop", "web", 2));
    master.run(() -> master.codeVersions.delete(alice, "shop", "web", 1));

    assertEquals(3, upload("three.zip", Archives.sampleZip()).version());
  }

  @Test
  void unknownVersionsAreNotFound() {
    assertThrows(
        ResourceNotFound.class, tx(() -> master.codeVersions.enable(alice, "shop", "web", 1)));
    assertThrows(
        ResourceNotFound.class, tx(() -> master.codeVersions.delete(alice, "shop", "web", 7)));
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndLeavesNothing() {
    byte[] zip = Archives.zip(file("a.bin", new byte[4096]), file("b.txt", "x".repeat(2000)));
    CodeVersions small = master.codeVersionsWithLimit(zip.length - 1);

    assertThrows(UploadTooLarge.class, () -> upload(small, "big.zip", zip));

    assertNothingStored();
  }

  @Test
  void anUploadOfExactlyTheLimitIsAccepted() {
    byte[] zip = Archives.sampleZip();
    assertEquals(1, upload(master.codeVersionsWithLimit(zip.length), "exact.zip", zip).version());
  }

  @Test
  void aTraversingArchiveIsARuleViolationAndLeavesNothing() {
    byte[] evil = Archives.zip(file("ok.txt", "ok"), file("../../evil.sh", "rm -rf /"));

    RuleViolation violation = assertThrows(RuleViolation.class, () -> upload("evil.zip", evil));

    assertEquals("file", violation.errors().get(0).field());
    assertTrue(violation.getMessage().contains("outside the bundle"), violation.getMessage());
    assertNothingStored();
  }

  @Test
  void anArchiveThatIsNotWhatItsNameSaysIsRefused() {
    assertThrows(RuleViolation.class, () -> upload("bundle.tar.gz", Archives.sampleZip()));
    assertNothingStored();
  }

  @Test
  void aWarForAGenericServiceIsRefused() {
    RuleViolation violation =
        assertThrows(RuleViolation.class, () -> upload("app.war", Archives.sampleZip()));
    assertTrue(violation.getMessage().contains("not war"), violation.getMessage());
    assertNothingStored();
  }

  @Test
  void aWarIsAcceptedForAJavaService() {
    master.run(() -> master.serviceOperations.create(alice, "shop", "app", "java", null, null));
    byte[] war = Archives.zip(file("WEB-INF/web.xml", "<web-app/>"));

    CodeVersion version =
        master.inTransaction(
            () ->
                master.codeVersions.upload(
                    alice, "shop", "app", "app.war", new ByteArrayInputStream(war)));

    assertEquals("war", version.format());
    assertTrue(version.storagePath().endsWith(".war"), version.storagePath());
  }

  @Test
  void aStorageServiceTakesNoCode() {
    master.run(
        () -> master.serviceOperations.create(alice, "shop", "files", "storage", null, null));
    RuleViolation violation =
        assertThrows(
            RuleViolation.class,
            tx(
                () ->
                    master.codeVersions.upload(
                        alice,
                        "shop",
                        "files",
                        "data.zip",
                        new ByteArrayInputStream(Archives.sampleZip()))));
    assertTrue(violation.getMessage().contains("no code"), violation.getMessage());
  }

  @Test
  void fileNamesWithoutAKnownExtensionAreRefused() {
    for (String name : new String[] {"bundle", "bundle.rar", "bundle.tar", ".zip", "zip"}) {
      RuleViolation violation =
          assertThrows(RuleViolation.class, () -> upload(name, Archives.sampleZip()), name);
      assertEquals("file", violation.errors().get(0).field());
    }
    assertNothingStored();
  }

  @Test
  void missingOrUnprintableFileNamesAreRefused() {
    for (String name : new String[] {null, "", "  ", "dir/", "bad\nname.zip"}) {
      assertThrows(RuleViolation.class, () -> upload(name, Archives.sampleZip()), "" + name);
    }
    assertNothingStored();
  }

  @Test
  void uploadsAreRecordedInTheAuditTrail() {
    CodeVersion v1 = upload("one.zip", Archives.sampleZip());

    var events = master.inTransaction(() -> master.audit.list(alice, "shop", "web", 0, 10));
    assertEquals("code.upload", events.items().get(0).action());
    assertEquals("version 1 sha256 " + v1.sha256(), events.items().get(0).detail());
  }
}

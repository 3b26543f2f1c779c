package org.mecconpaas.manager.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.infrastructure.persistence.TransactionHooks;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

class CodeStoreTest {
  @TempDir Path dataDir;

  private CodeStore store() {
    return new CodeStore(dataDir, TransactionHooks.immediate());
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void receiveStreamsToATemporaryFileWithSizeAndSha256() throws IOException {
    byte[] content = "hello, edge".getBytes(StandardCharsets.UTF_8);

    CodeStore.ReceivedFile received = store().receive(new ByteArrayInputStream(content), 100);

    assertEquals(content.length, received.size());
    // SHA-256 of the same bytes, computed independently of the store
    assertEquals(SecretTokens.digest("hello, edge"), received.sha256());
    assertTrue(received.path().startsWith(dataDir.resolve("tmp")), received.path().toString());
    assertArrayEquals(content, Files.readAllBytes(received.path()));
  }

  @Test
  void receiveGivesUpPastTheLimitAndLeavesNoFile() throws IOException {
    byte[] content = new byte[200 * 1024];

    UploadTooLarge tooLarge =
        assertThrows(
            UploadTooLarge.class,
            () -> store().receive(new ByteArrayInputStream(content), content.length - 1));

    assertTrue(tooLarge.getMessage().contains(String.valueOf(content.length - 1)));
    assertEquals(List.of(), files());
  }

  @Test
  void keepMovesTheUploadIntoPlaceUnderItsServiceAndVersion() throws IOException {
    CodeStore store = store();
    CodeStore.ReceivedFile received =
        store.receive(new ByteArrayInputStream(new byte[] {1, 2}), 10);

    String relative = store.keep(received, 42, 3, CodeFormat.TAR_GZ);

    assertEquals("42/v3.tar.gz", relative);
    Path kept = store.locate(relative);
    assertEquals(dataDir.resolve("code").resolve("42").resolve("v3.tar.gz"), kept);
    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(kept));
    assertFalse(Files.exists(received.path()));
    assertEquals(List.of(kept), files());
  }

  @Test
  void withoutATransactionRemovalsHappenAtOnce() throws IOException {
    CodeStore store = store();
    String v1 =
        store.keep(
            store.receive(new ByteArrayInputStream(new byte[] {1}), 10), 7, 1, CodeFormat.ZIP);
    String v2 =
        store.keep(
            store.receive(new ByteArrayInputStream(new byte[] {2}), 10), 7, 2, CodeFormat.ZIP);

    store.removeAfterCommit(v1);
    assertEquals(List.of(store.locate(v2)), files());

    store.removeAllAfterCommit(7);
    assertEquals(List.of(), files());
    assertFalse(Files.exists(dataDir.resolve("code").resolve("7")));
  }

  @Test
  void discardToleratesMissingFiles() {
    CodeStore store = store();
    store.discard(null);
    store.discard(dataDir.resolve("never-there"));
    store.removeAllAfterCommit(999);
    assertFalse(Files.exists(dataDir.resolve("never-there")));
  }
}

package org.mecconpaas.manager.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;
import org.mecconpaas.manager.infrastructure.persistence.TransactionHooks;

/**
 * Archives under {@code <data-dir>/code/<service-id>/v<version>.<ext>}. Uploads land in {@code
 * <data-dir>/tmp} first and are moved into place only once accepted, so a refused upload leaves no
 * file behind.
 */
@ApplicationScoped
public class CodeStore {
  private static final Logger LOG = Logger.getLogger(CodeStore.class.getName());

  /** An upload on disk, not yet accepted. */
  public record ReceivedFile(Path path, long size, String sha256) {}

  private Path codeRoot;
  private Path tmp;
  private TransactionHooks hooks;

  protected CodeStore() {}

  @Inject
  public CodeStore(MasterSettings settings, TransactionHooks hooks) {
    this(settings.dataDir(), hooks);
  }

  public CodeStore(Path dataDir, TransactionHooks hooks) {
    this.codeRoot = dataDir.resolve("code");
    this.tmp = dataDir.resolve("tmp");
    this.hooks = hooks;
  }

  /** Streams an upload to a temporary file, hashing it, and gives up past {@code limit} bytes. */
  public ReceivedFile receive(InputStream data, long limit) {
    Path file = null;
    try {
      Files.createDirectories(tmp);
      file = Files.createTempFile(tmp, "upload-", ".part");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long size =
          copyBounded(data, new DigestOutputStream(Files.newOutputStream(file), sha256), limit);
      return new ReceivedFile(file, size, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      discard(file);
      throw new UncheckedIOException("could not receive upload", e);
    } catch (NoSuchAlgorithmException e) {
      discard(file);
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    } catch (RuntimeException e) {
      discard(file);
      throw e;
    }
  }

  private static long copyBounded(InputStream in, OutputStream target, long limit)
      throws IOException {
    try (OutputStream out = target) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) > 0) {
        total += read;
        if (total > limit) {
          throw new UploadTooLarge("the upload is larger than the limit of " + limit + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return total;
    }
  }

  /**
   * Moves an accepted upload into place; the file is removed again if the transaction rolls back.
   *
   * @return the path relative to the code root, as stored in the database
   */
  public String keep(ReceivedFile file, long serviceId, int version, CodeFormat format) {
    String relative = serviceId + "/v" + version + format.extension();
    Path target = codeRoot.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
      Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      discard(file.path());
      throw new UncheckedIOException("could not store code version", e);
    }
    hooks.afterRollback(() -> discard(target));
    return relative;
  }

  public Path locate(String storagePath) {
    return codeRoot.resolve(storagePath);
  }

  public void removeAfterCommit(String storagePath) {
    Path file = locate(storagePath);
    hooks.afterCommit(() -> discard(file));
  }

  public void removeAllAfterCommit(long serviceId) {
    Path dir = codeRoot.resolve(Long.toString(serviceId));
    hooks.afterCommit(() -> removeTree(dir));
  }

  public void discard(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete " + file, e);
    }
  }

  private void removeTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(this::discard);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not list " + dir, e);
    }
    discard(dir);
  }
}

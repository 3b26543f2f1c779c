package org.mecconpaas.agent.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.mecconpaas.agent.desired.CodeRef;

/** Downloads a bundle and keeps it only if its SHA-256 is the one the master promised. */
public final class BundleFetcher {
  private final BundleSource source;

  public BundleFetcher(BundleSource source) {
    this.source = source;
  }

  /**
   * Downloads {@code code} to {@code target}.
   *
   * @throws BundleRejected on a checksum mismatch; {@code target} is deleted then
   * @throws IOException when the download failed (worth retrying)
   */
  public void fetch(CodeRef code, Path target) throws IOException {
    Files.deleteIfExists(target);
    source.download(code.path(), target);
    String actual = sha256(target);
    if (!actual.equals(code.sha256().toLowerCase(Locale.ROOT))) {
      Files.deleteIfExists(target);
      throw new BundleRejected(
          "checksum mismatch for code version "
              + code.version()
              + ": expected sha256 "
              + code.sha256()
              + ", got "
              + actual);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java SE has SHA-256", e);
    }
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

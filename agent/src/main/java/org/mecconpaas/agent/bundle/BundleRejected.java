package org.mecconpaas.agent.bundle;

import java.io.IOException;

/**
 * The archive itself is unusable (wrong checksum, unsafe or malformed entries): retrying with the
 * same archive cannot help, unlike a network or disk error.
 */
public class BundleRejected extends IOException {
  private static final long serialVersionUID = 1L;

  public BundleRejected(String message) {
    super(message);
  }

  public BundleRejected(String message, Throwable cause) {
    super(message, cause);
  }
}

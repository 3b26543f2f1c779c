package org.mecconpaas.agent.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** Where archives come from: the master's bundle endpoint, authenticated by the node credential. */
@FunctionalInterface
public interface BundleSource {
  /** Writes the archive at {@code path} on the master to {@code target}. */
  void download(String path, Path target) throws IOException;
}

package org.mecconpaas.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same steps as {@link EdgeIT} with real LXC containers. Runs where LXC works (root and the
 * Debian lxc package, as .ci/run installs them); the base container is made once per machine.
 */
class LxcEdgeIT extends EdgeIT {
  @Override
  protected String runtime() {
    return "lxc";
  }

  @BeforeAll
  void requireLxc() {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/lxc-create")),
        "LXC needs root and the lxc package");
  }
}

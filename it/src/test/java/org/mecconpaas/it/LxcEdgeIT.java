package org.mecconpaas.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same steps as {@link EdgeIT} with real LXC containers. Runs with {@code -Dmec.it.lxc=true}
 * where LXC works (root and Debian's lxc, lxc-templates, debootstrap and rsync); the base container
 * is made once per machine (about a minute).
 */
class LxcEdgeIT extends EdgeIT {
  @Override
  protected String runtime() {
    return "lxc";
  }

  @Override
  protected void assumeRuntimeWorks() {
    assumeTrue(Boolean.getBoolean("mec.it.lxc"), "LXC edge tests run with -Dmec.it.lxc=true");
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/lxc-create")),
        "LXC needs root and the lxc package");
  }
}

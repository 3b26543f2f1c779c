package org.mecconpaas.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same steps as {@link EdgeIT} with real LXC containers. Runs where LXC works (root and
 * Debian's lxc, lxc-templates, debootstrap and rsync: CI installs them); {@code -Dmec.it.lxc=false}
 * skips it. The base container is made once per machine (about a minute).
 */
class LxcEdgeIT extends EdgeIT {
  @Override
  protected String runtime() {
    return "lxc";
  }

  @Override
  protected void assumeRuntimeWorks() {
    assumeTrue(
        !"false".equals(System.getProperty("mec.it.lxc", "auto")),
        "LXC edge tests switched off (-Dmec.it.lxc=false)");
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/lxc-create"))
            && Files.isExecutable(Path.of("/usr/sbin/debootstrap")),
        "LXC needs root and Debian's lxc lxc-templates debootstrap rsync");
  }
}

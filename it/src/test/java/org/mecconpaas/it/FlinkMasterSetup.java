package org.mecconpaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A first start of a master whose emulated edge can run Flink. The edge keeps its nodes' state
 * under the master's data directory ({@code <data>/edge/<node>/containers/...}), and the Flink
 * roles run their JVMs as user {@code nobody} there, so that user must be able to pass through
 * every directory above it. {@link MasterSetup#fresh} makes a directory only root may enter, which
 * suits every other service; this one lets others pass through but not list it.
 */
public final class FlinkMasterSetup {

  private FlinkMasterSetup() {}

  public static MasterSetup fresh(Path launcher, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path dir = Files.createTempDirectory(workDir, "master-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    return new MasterSetup(
        launcher, dir.resolve("data"), dir.resolve("master.log"), MasterSetup.randomPassword(20));
  }
}

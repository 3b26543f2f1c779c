package org.mecconpaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * How to launch a master: the {@code mec-master} launcher, the data directory, the log file that
 * takes its output, and the admin password it is given on a first start.
 */
public record MasterSetup(Path launcher, Path dataDir, Path logFile, String adminPassword) {

  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A first start: a new directory under {@code workDir} for data and log, and a random password,
   * which the test must know because the generated one is only printed to the log.
   */
  public static MasterSetup fresh(Path launcher, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path dir = Files.createTempDirectory(workDir, "master-");
    // the roles' daemons run as nobody and reach their code below the data directory: they may
    // pass through (x), not list (as ./mec-data is for a newcomer, with the usual umask)
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    return new MasterSetup(
        launcher, dir.resolve("data"), dir.resolve("master.log"), randomPassword(20));
  }

  /** The same data directory and password with another log file: a restart on existing data. */
  public MasterSetup restart(String logName) {
    return new MasterSetup(launcher, dataDir, logFile.resolveSibling(logName), adminPassword);
  }

  /** A system property that the build (failsafe) or the benchmark script must set. */
  public static Path pathProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set; run through Maven or bench/api.sh");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  static String randomPassword(int length) {
    StringBuilder password = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}

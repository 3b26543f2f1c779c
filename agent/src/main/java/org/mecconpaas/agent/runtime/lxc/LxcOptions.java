package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Node-level settings of the {@code lxc} runtime, read from {@code lxc.properties} in the agent's
 * state directory (every key optional; see {@link #defaults()}):
 *
 * <pre>
 * bridge=mecbr0               # bridge, in the agent's network namespace, the containers' veths join
 * prefixLength=24             # the node subnet's prefix length
 * firstAddress=10.77.0.100    # container addresses are allocated from this range, by name
 * lastAddress=10.77.0.254
 * nestCgroups=false           # true: containers' cgroups below the agent's (share the node budget)
 * basePath=/var/lib/lxc       # lxcpath of the base container
 * baseName=mec-base
 * release=bookworm            # Debian release of the base container
 * shareJdk=true               # bind-mount the agent's JDK read-only into every container
 * </pre>
 *
 * <p>The emulated edge writes this file for each node; on a real board the defaults fit a board
 * whose LAN bridge is {@code mecbr0}.
 */
public record LxcOptions(
    String bridge,
    int prefixLength,
    String firstAddress,
    String lastAddress,
    boolean nestCgroups,
    Path basePath,
    String baseName,
    String release,
    boolean shareJdk) {

  /** The file name, inside the agent's state directory. */
  public static final String FILE_NAME = "lxc.properties";

  public LxcOptions {
    if (prefixLength < 8 || prefixLength > 30) {
      throw new IllegalArgumentException("prefixLength must be within 8..30: " + prefixLength);
    }
    new AddressPool(firstAddress, lastAddress); // validates the range
  }

  public static LxcOptions defaults() {
    return new LxcOptions(
        "mecbr0",
        24,
        "10.77.0.100",
        "10.77.0.254",
        false,
        Path.of("/var/lib/lxc"),
        "mec-base",
        "bookworm",
        true);
  }

  /** The defaults overridden by {@code stateDir/lxc.properties} when that file exists. */
  public static LxcOptions load(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return fromProperties(properties);
  }

  public static LxcOptions fromProperties(Properties p) {
    LxcOptions d = defaults();
    return new LxcOptions(
        p.getProperty("bridge", d.bridge()).strip(),
        Integer.parseInt(p.getProperty("prefixLength", String.valueOf(d.prefixLength())).strip()),
        p.getProperty("firstAddress", d.firstAddress()).strip(),
        p.getProperty("lastAddress", d.lastAddress()).strip(),
        Boolean.parseBoolean(p.getProperty("nestCgroups", String.valueOf(d.nestCgroups())).strip()),
        Path.of(p.getProperty("basePath", d.basePath().toString()).strip()),
        p.getProperty("baseName", d.baseName()).strip(),
        p.getProperty("release", d.release()).strip(),
        Boolean.parseBoolean(p.getProperty("shareJdk", String.valueOf(d.shareJdk())).strip()));
  }

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("bridge", bridge);
    p.setProperty("prefixLength", String.valueOf(prefixLength));
    p.setProperty("firstAddress", firstAddress);
    p.setProperty("lastAddress", lastAddress);
    p.setProperty("nestCgroups", String.valueOf(nestCgroups));
    p.setProperty("basePath", basePath.toString());
    p.setProperty("baseName", baseName);
    p.setProperty("release", release);
    p.setProperty("shareJdk", String.valueOf(shareJdk));
    return p;
  }

  /** Writes these options to {@code stateDir/lxc.properties}. */
  public void store(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    try (var writer = Files.newBufferedWriter(stateDir.resolve(FILE_NAME))) {
      toProperties().store(writer, "lxc runtime options (see LxcOptions)");
    }
  }

  public LxcOptions withAddressRange(String first, String last) {
    return new LxcOptions(
        bridge, prefixLength, first, last, nestCgroups, basePath, baseName, release, shareJdk);
  }

  public LxcOptions withNestCgroups(boolean nest) {
    return new LxcOptions(
        bridge,
        prefixLength,
        firstAddress,
        lastAddress,
        nest,
        basePath,
        baseName,
        release,
        shareJdk);
  }
}

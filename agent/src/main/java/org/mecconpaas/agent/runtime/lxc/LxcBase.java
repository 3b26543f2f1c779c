package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The base container every instance is an overlay clone of, made once per machine with the {@code
 * debian} template (debootstrap from Debian's mirror: about a minute the first time, seconds once
 * the template's cache is filled). A marker file says it is complete; creation holds a file lock so
 * that several agents on one machine make it once.
 */
final class LxcBase {

  static final String READY_MARKER = "mec-base-ready";
  private static final System.Logger LOG = System.getLogger(LxcBase.class.getName());
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration SHORT = Duration.ofMinutes(2);
  private static final Object IN_THIS_JVM = new Object();

  private final CommandRunner runner;
  private final LxcOptions options;

  LxcBase(CommandRunner runner, LxcOptions options) {
    this.runner = runner;
    this.options = options;
  }

  Path dir() {
    return options.basePath().resolve(options.baseName());
  }

  Path rootfs() {
    return dir().resolve("rootfs");
  }

  boolean isReady() {
    return Files.isRegularFile(dir().resolve(READY_MARKER));
  }

  /** Creates the base container unless it is ready; returns how long creation took (0 if none). */
  Duration ensure() throws IOException {
    synchronized (IN_THIS_JVM) { // FileLock only excludes other processes
      return ensureLocked();
    }
  }

  private Duration ensureLocked() throws IOException {
    if (isReady()) {
      return Duration.ZERO;
    }
    Files.createDirectories(options.basePath());
    Path lockFile = options.basePath().resolve("." + options.baseName() + ".lock");
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      try {
        return createUnlessReady();
      } finally {
        lock.release();
      }
    }
  }

  private Duration createUnlessReady() throws IOException {
    if (isReady()) {
      return Duration.ZERO;
    }
    long start = System.nanoTime();
    create();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Files.writeString(dir().resolve(READY_MARKER), "created in " + took.toMillis() + " ms\n");
    LOG.log(Level.INFO, "base container {0} ready after {1} ms", dir(), took.toMillis());
    return took;
  }

  private void create() throws IOException {
    String path = options.basePath().toString();
    String name = options.baseName();
    if (Files.exists(dir())) {
      LOG.log(Level.WARNING, "removing the incomplete base container {0}", dir());
      runner.run(List.of("lxc-destroy", "-P", path, "-n", name), SHORT);
    }
    LOG.log(Level.INFO, "creating the LXC base container {0} (debootstrap, about a minute)", dir());
    runner.check(
        List.of(
            "lxc-create", "-P", path, "-n", name, "-t", "debian", "--", "-r", options.release()),
        CREATE_TIMEOUT);
    fixRootfs();
    Path config = dir().resolve("config");
    String fixed =
        Files.readString(config)
            .replace("lxc.apparmor.profile = generated", "lxc.apparmor.profile = unconfined")
            .replaceAll("(?m)^lxc\\.apparmor\\.allow_nesting.*\n", "")
            .replaceAll("(?m)^lxc\\.net\\.0\\.link = .*$", "lxc.net.0.link = " + options.bridge());
    Files.writeString(config, fixed);
  }

  /**
   * The template's rootfs asks for DHCP, which fails (no DHCP server) and broadcasts on the bridge:
   * LXC sets the address itself, so the interface is {@code manual}. sshd is not started: instances
   * are reached through the agent, never by login.
   */
  private void fixRootfs() throws IOException {
    Path interfaces = rootfs().resolve("etc/network/interfaces");
    if (Files.isRegularFile(interfaces)) {
      Files.writeString(
          interfaces, Files.readString(interfaces).replace("inet dhcp", "inet manual"));
    }
    Path units = rootfs().resolve("etc/systemd/system");
    Files.deleteIfExists(units.resolve("multi-user.target.wants/ssh.service"));
    Files.deleteIfExists(units.resolve("sshd.service"));
  }
}

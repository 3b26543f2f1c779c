package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.EmulatedEdgeProcess;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The master with its default emulated edge, as the web hosting end-to-end test runs it: {@code
 * mec-master --nodes 4}, four Raspberry Pi 3 nodes (1 CPU, 1 GiB each, 100 Mbit/s links) in network
 * namespaces, process runtime; a developer signed in with an application {@code bench}. Started
 * when the machine's edge is free ({@link EdgeSlot}); a start that lost the race for it is tried
 * again. {@link #close()} stops the master and the emulator by PID, also from a shutdown hook.
 */
final class WebBenchEdge implements AutoCloseable {
  static final int NODES = 4;
  private static final String DEVELOPER = "webbench";
  private static final String DEV_PASSWORD = "web bench password 1234";
  private static final Duration NODES_LIMIT = Duration.ofSeconds(180);

  private final RunningMaster master;
  private final Path edgeDir;
  private final Path shortcut;
  private final Thread stopOnExit;
  private ApiClient dev;
  private boolean closed;

  private WebBenchEdge(RunningMaster master, Path shortcut) {
    this.master = master;
    this.shortcut = shortcut;
    this.edgeDir = master.setup().dataDir().resolve("edge");
    // the master fixture's hook kills the master's family; SIGTERM to the emulator first lets it
    // remove its namespaces and cgroups
    this.stopOnExit = new Thread(this::stopEmulator, "web-bench-edge-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  static WebBenchEdge start(Path launcher, Path workDir) throws Exception {
    for (int attempt = 1; attempt <= 4; attempt++) {
      EdgeSlot.awaitFree("before starting a master with " + NODES + " nodes");
      Path shortcut = shortcut(workDir.resolve("platform-" + attempt), attempt);
      MasterSetup setup =
          new MasterSetup(
              launcher,
              shortcut.resolve("data"),
              workDir.resolve("platform-" + attempt).resolve("master.log"),
              password());
      WebBenchEdge edge;
      try {
        edge =
            new WebBenchEdge(
                RunningMaster.start(setup, "--nodes", Integer.toString(NODES)), shortcut);
      } catch (Exception | Error e) {
        Files.deleteIfExists(shortcut);
        throw e;
      }
      try {
        if (edge.prepare()) {
          return edge;
        }
        edge.close();
      } catch (Exception | Error e) {
        try {
          edge.close();
        } catch (RuntimeException stopFailure) {
          e.addSuppressed(stopFailure);
        }
        throw e;
      }
      WebBenchmark.progress("another emulated edge started first; trying again when it is done");
    }
    throw new IllegalStateException("another emulated edge took the machine 4 times in a row");
  }

  /**
   * A short path to {@code dir}: a backend's php-fpm socket lies in {@code
   * <data>/edge/<node>/containers/<instance>/bundle/run/}, and a unix socket's path may not exceed
   * 107 bytes, which a data directory deep in {@code it/target} does. The master is given the data
   * directory through {@code /tmp/mec-web-<pid>-<attempt>}, a symbolic link that the agents keep in
   * their paths (nothing resolves it); the files stay under {@code it/target}.
   */
  private static Path shortcut(Path dir, int attempt) throws IOException {
    Files.createDirectories(dir);
    // the roles' daemons run as nobody and must pass through to their code and state
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Path link = Path.of("/tmp", "mec-web-" + ProcessHandle.current().pid() + "-" + attempt);
    Files.deleteIfExists(link);
    return Files.createSymbolicLink(link, dir.toAbsolutePath());
  }

  private static String password() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append((char) ('a' + random.nextInt(26)));
    }
    return password.toString();
  }

  /** Waits for the nodes, signs a developer in; false when the emulator lost the race. */
  private boolean prepare() throws Exception {
    ApiClient admin =
        ApiClient.anonymous(master.api()).login("admin", master.setup().adminPassword());
    long deadline = System.nanoTime() + NODES_LIMIT.toNanos();
    while (upNodes(admin) < NODES) {
      if (EdgeSlot.lostRace(edgeDir)) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            NODES + " nodes not UP: " + admin.get("/nodes").body() + "; see " + edgeDir);
      }
      Thread.sleep(500);
    }
    admin
        .post(
            "/users",
            Json.createObjectBuilder()
                .add("username", DEVELOPER)
                .add("role", "DEVELOPER")
                .add("password", DEV_PASSWORD)
                .build())
        .expect(201);
    dev = ApiClient.anonymous(master.api()).login(DEVELOPER, DEV_PASSWORD);
    dev.post("/applications", Json.createObjectBuilder().add("name", "bench").build()).expect(201);
    return true;
  }

  private static long upNodes(ApiClient admin) throws IOException, InterruptedException {
    return admin.get("/nodes").expect(200).array().stream()
        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
        .count();
  }

  /** A PHP service of the application {@code bench}. */
  PhpSite site(String name) {
    return new PhpSite(dev, "bench", name, edgeDir);
  }

  Path edgeDir() {
    return edgeDir;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      master.close();
    } finally {
      stopEmulator();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shutdownInProgress) {
        // the hook runs anyway
      }
      try {
        Files.deleteIfExists(shortcut);
      } catch (IOException e) {
        System.err.println("bench: cannot remove " + shortcut + ": " + e);
      }
    }
  }

  private void stopEmulator() {
    try {
      EmulatedEdgeProcess.stop(edgeDir);
    } catch (IOException | RuntimeException e) {
      System.err.println("bench: cannot stop the emulator of " + edgeDir + ": " + e);
    }
  }
}

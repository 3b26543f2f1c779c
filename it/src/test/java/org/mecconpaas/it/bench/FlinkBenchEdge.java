package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.EmulatedEdgeProcess;
import org.mecconpaas.it.FlinkMasterSetup;
import org.mecconpaas.it.FlinkService;
import org.mecconpaas.it.RunningMaster;

/**
 * A master with an emulated edge of 4 nodes and a developer with a Flink service on it, for the
 * Flink benchmark. Either the master's own edge (Raspberry Pi 3 nodes: 1 CPU, 1 GiB each) or, as
 * the "unlimited" case, the same emulator started next to a master without an edge with {@code
 * --profile rpi4} (4 CPUs and 4 GiB per node: on a machine with fewer CPUs no CPU limit at all);
 * both in network namespaces with the same 100 Mbit/s links. Started when the machine's edge is
 * free ({@link EdgeSlot}); {@link #close()} stops everything and checks that nothing is left.
 */
final class FlinkBenchEdge implements AutoCloseable {
  static final int NODES = 4;
  private static final String DEVELOPER = "flinkbench";
  private static final String DEV_PASSWORD = "flink bench password 1234";
  private static final Duration NODES_LIMIT = Duration.ofSeconds(180);

  /** The hardware the emulated nodes get. */
  enum Profile {
    UNLIMITED(
        "unlimited nodes (rpi4 profile: 4 CPUs and 4 GiB per node, more than this machine has;"
            + " each instance keeps the CPU and memory limits of its catalog role)"),
    RPI3("Raspberry Pi 3 nodes (1 CPU, 1 GiB per node)");

    final String description;

    Profile(String description) {
      this.description = description;
    }
  }

  private final RunningMaster master;
  private final Path edgeDir;
  private final Thread stopOnExit;
  private Process ownEmulator;
  private FlinkService flink;
  private boolean closed;

  private FlinkBenchEdge(RunningMaster master) {
    this.master = master;
    this.edgeDir = master.setup().dataDir().resolve("edge");
    this.stopOnExit = new Thread(this::stopEmulator, "flink-bench-edge-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Waits for the machine's edge, then starts; tries again when another edge won the race. */
  static FlinkBenchEdge start(Path launcher, Path workDir, Profile profile) throws Exception {
    for (int attempt = 1; attempt <= 4; attempt++) {
      EdgeSlot.awaitFree("before starting the " + profile + " edge");
      FlinkBenchEdge edge =
          new FlinkBenchEdge(
              profile == Profile.RPI3
                  ? RunningMaster.start(
                      FlinkMasterSetup.fresh(launcher, workDir), "--nodes", "" + NODES)
                  : RunningMaster.start(FlinkMasterSetup.fresh(launcher, workDir)));
      try {
        if (edge.prepare(launcher, profile)) {
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
      FlinkBenchmark.progress("another emulated edge started first; trying again");
    }
    throw new IllegalStateException("another emulated edge took the machine 4 times in a row");
  }

  /** Signs in, starts our own emulator if needed; false when the emulator lost the race. */
  private boolean prepare(Path launcher, Profile profile) throws Exception {
    ApiClient admin =
        ApiClient.anonymous(master.api()).login("admin", master.setup().adminPassword());
    if (profile == Profile.UNLIMITED) {
      ownEmulator = startRpi4Emulator(admin, BenchEdge.agentJar(launcher));
    }
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
    ApiClient dev = ApiClient.anonymous(master.api()).login(DEVELOPER, DEV_PASSWORD);
    dev.post("/applications", Json.createObjectBuilder().add("name", "bench").build()).expect(201);
    flink = new FlinkService(dev, "bench", "faces");
    return true;
  }

  private static long upNodes(ApiClient admin) throws IOException, InterruptedException {
    return admin.get("/nodes").expect(200).array().stream()
        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
        .count();
  }

  /** As the master starts its emulator (EmulatedEdgeLauncher), with the rpi4 profile. */
  private Process startRpi4Emulator(ApiClient admin, Path agentJar)
      throws IOException, InterruptedException {
    Files.createDirectories(edgeDir);
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i <= NODES; i++) {
      tokens.add(
          admin
              .post(
                  "/nodes/enrollment-tokens",
                  Json.createObjectBuilder().add("nodeName", "n" + i).build())
              .expect(201)
              .object()
              .getString("token"));
    }
    Path tokenFile = edgeDir.resolve("join-tokens");
    Files.writeString(tokenFile, String.join("\n", tokens) + "\n");
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            agentJar.toString(),
            "org.mecconpaas.agent.emulation." + EdgeSlot.EMULATOR,
            "--master",
            "http://127.0.0.1:" + master.port(),
            "--nodes",
            Integer.toString(NODES),
            "--profile",
            "rpi4",
            "--tokens-file",
            tokenFile.toString(),
            "--runtime",
            "process",
            "--base-dir",
            edgeDir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(edgeDir.resolve("emulator.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // what the mec-master launcher gives its edge: the middleware and two malloc arenas
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    builder
        .environment()
        .put(
            "MEC_MIDDLEWARE",
            master
                .setup()
                .launcher()
                .getParent()
                .resolve("images/middleware/target/middleware")
                .toString());
    Process emulator = builder.start();
    Files.writeString(edgeDir.resolve("emulator.pid"), Long.toString(emulator.pid()));
    return emulator;
  }

  FlinkService flink() {
    return flink;
  }

  /** The edge's directory: node state, instance logs, the Flink JVMs' working directories. */
  Path edgeDir() {
    return edgeDir;
  }

  /** Stops the master, the emulator and the agents; kills and reports whatever is left. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    try {
      master.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    stopEmulator();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook runs anyway
    }
    List<ProcessHandle> left = EdgeSlot.processes(edgeDir.toString(), null);
    left.forEach(ProcessHandle::destroyForcibly);
    if (!left.isEmpty()) {
      failure =
          new IllegalStateException(
              "processes of the edge in "
                  + edgeDir
                  + " were left and killed: "
                  + left.stream().map(ProcessHandle::pid).toList());
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void stopEmulator() {
    try {
      EmulatedEdgeProcess.stop(edgeDir);
    } catch (IOException | RuntimeException e) {
      System.err.println("flink bench: cannot stop the emulator of " + edgeDir + ": " + e);
    }
    if (ownEmulator != null) {
      ownEmulator.destroyForcibly(); // only if it outlived its grace period
    }
  }
}

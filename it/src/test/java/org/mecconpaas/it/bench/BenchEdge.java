package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.EmulatedEdgeProcess;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * A master of the real distribution with an emulated edge whose nodes are all UP, and a developer
 * signed in. Started only when the machine's edge is free ({@link EdgeSlot}); a start whose
 * emulator lost the race for the edge to someone else's test is stopped and tried again later, as
 * that is no failure of the platform. {@link #close()} stops the master, the emulator and the
 * agents by PID and checks that none of them is left.
 */
final class BenchEdge implements AutoCloseable {
  private static final String DEVELOPER = "bencher";
  private static final String DEV_PASSWORD = "bench password 1234";
  private static final int ATTEMPTS = 4;

  /** Enrollment is quick; an LXC edge may first have to clone the base container. */
  private static final Duration NODES_LIMIT = Duration.ofSeconds(180);

  /** What the edge consists of: the master's own emulated nodes, or one board of our own. */
  enum Shape {
    /** {@code mec-master --nodes 3}: three Raspberry Pi 3 nodes. */
    THREE_NODES(3),
    /** {@code mec-master --no-edge} plus {@link BoardEmulator}: one Raspberry Pi 4 node. */
    ONE_LARGE_BOARD(1);

    final int nodes;

    Shape(int nodes) {
      this.nodes = nodes;
    }
  }

  private final RunningMaster master;
  private final Path edgeDir;
  private final Thread stopOnExit;
  private Process ownEmulator;
  private ApiClient admin;
  private ApiClient dev;
  private Duration startedIn;
  private boolean closed;

  private BenchEdge(RunningMaster master) {
    this.master = master;
    this.edgeDir = master.setup().dataDir().resolve("edge");
    // The master fixture's own hook kills the master's family; an emulator we started ourselves is
    // not part of it, and SIGTERM lets either kind remove its namespaces before the JVM exits.
    this.stopOnExit = new Thread(this::stopEmulator, "bench-edge-stop");
    try {
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      master.close();
      throw shutdownInProgress;
    }
  }

  /** Waits for the machine's edge, starts, and retries a start that lost the race for it. */
  static BenchEdge start(Path launcher, Path workDir, String runtime, Shape shape)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      EdgeSlot.awaitFree("before starting a master with " + shape.nodes + " node(s)");
      MasterSetup setup = MasterSetup.fresh(launcher, workDir);
      BenchEdge edge = tryStart(setup, runtime, shape);
      if (edge != null) {
        return edge;
      }
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(
            "another emulated edge took the machine " + ATTEMPTS + " times in a row; giving up");
      }
      EdgeBenchmark.progress("another emulated edge started first; trying again when it is done");
    }
  }

  /** The edge, or null when its emulator found the machine's edge taken. */
  private static BenchEdge tryStart(MasterSetup setup, String runtime, Shape shape)
      throws Exception {
    long launched = System.nanoTime();
    BenchEdge edge =
        new BenchEdge(
            shape == Shape.THREE_NODES
                ? RunningMaster.start(setup, "--nodes", "3", "--runtime", runtime)
                : RunningMaster.start(setup));
    try {
      edge.admin = ApiClient.anonymous(edge.master.api()).login("admin", setup.adminPassword());
      if (shape == Shape.ONE_LARGE_BOARD) {
        edge.ownEmulator =
            BoardEmulator.start(edge.master, edge.admin, agentJar(setup.launcher()), runtime);
      }
      if (!edge.awaitNodesUp(shape.nodes)) {
        edge.close();
        return null;
      }
      edge.startedIn = Duration.ofNanos(System.nanoTime() - launched);
      edge.signInDeveloper();
      return edge;
    } catch (Exception | Error e) {
      try {
        edge.close();
      } catch (RuntimeException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw e;
    }
  }

  /** The shaded agent jar next to the launcher, where {@code mec-master} takes it from. */
  static Path agentJar(Path launcher) {
    return launcher.getParent().resolve("agent").resolve("target").resolve("mec-agent.jar");
  }

  /**
   * True once {@code count} nodes are UP; false when the emulator lost the race for the machine's
   * edge (it says so in its log and exits, and no node ever comes up).
   */
  private boolean awaitNodesUp(int count) throws Exception {
    long deadline = System.nanoTime() + NODES_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (nodes("UP").size() == count) {
        return true;
      }
      if (EdgeSlot.lostRace(edgeDir)) {
        return false;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        count
            + " node(s) not UP within "
            + NODES_LIMIT.toSeconds()
            + " s; nodes: "
            + admin.get("/nodes").body()
            + "; see "
            + edgeDir.resolve("emulator.log"));
  }

  private void signInDeveloper() throws IOException, InterruptedException {
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
  }

  /** The names of the nodes in {@code state}. */
  List<String> nodes(String state) throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    admin.get("/nodes").expect(200).array().stream()
        .map(n -> n.asJsonObject())
        .filter(n -> n.getString("state").equals(state))
        .forEach(n -> names.add(n.getString("name")));
    return names;
  }

  String nodeState(String node) throws IOException, InterruptedException {
    return admin.get("/nodes/" + node).expect(200).object().getString("state");
  }

  /** A generic service in the developer's application {@code bench}. */
  BenchService service(String name) {
    return new BenchService(dev, "bench", name);
  }

  ProcessHandle agent(String node) {
    return EmulatedEdgeProcess.agent(edgeDir, node);
  }

  /** From launching {@code mec-master} to every node UP. */
  Duration startedIn() {
    return startedIn;
  }

  /**
   * Stops the master and everything it spawned (the fixture), then the emulator by its PID file
   * (ours, or the master's if it outlived the master), then checks that no emulator or agent of
   * this edge is left; stragglers are killed and reported.
   */
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
    List<ProcessHandle> left = new ArrayList<>();
    for (String marker : List.of(EdgeSlot.EMULATOR, EdgeSlot.AGENT)) {
      left.addAll(EdgeSlot.processes(marker, edgeDir.toString()));
    }
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

  /** SIGTERM to the emulator (it removes agents, containers and namespaces), SIGKILL after 30 s. */
  private void stopEmulator() {
    try {
      EmulatedEdgeProcess.stop(edgeDir);
    } catch (IOException | RuntimeException e) {
      System.err.println("bench: cannot stop the emulator of " + edgeDir + ": " + e);
    }
    if (ownEmulator != null) {
      ownEmulator.destroyForcibly(); // only if it outlived its grace period
    }
  }
}

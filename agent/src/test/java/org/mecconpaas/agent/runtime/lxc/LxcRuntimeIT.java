package org.mecconpaas.agent.runtime.lxc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.emulation.EdgeLayout;
import org.mecconpaas.agent.emulation.EdgeLock;
import org.mecconpaas.agent.emulation.EdgePlan;
import org.mecconpaas.agent.emulation.EmulatedEdge;
import org.mecconpaas.agent.emulation.EmulatorSettings;
import org.mecconpaas.agent.emulation.EmulatorSettings.Isolation;
import org.mecconpaas.agent.emulation.NodePlan;
import org.mecconpaas.agent.runtime.ContainerSpec;

/**
 * Real LXC containers: needs root and Debian's lxc packages (skipped otherwise). The first run on a
 * machine makes the base container (about a minute, Debian's mirror must be reachable). Traffic
 * goes only to 10.77.0.0/24 on this machine.
 */
class LxcRuntimeIT {

  private static final Duration CMD = Duration.ofSeconds(30);
  private static final int PORT = 8080;
  private static final String SERVER =
      """
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;

      public class Hello {
        public static void main(String[] a) throws Exception {
          HttpServer s = HttpServer.create(new InetSocketAddress(a[0], Integer.parseInt(a[1])), 0);
          s.createContext("/", x -> {
            byte[] b = ("hello from " + a[0] + "\\n").getBytes();
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
          });
          s.start();
        }
      }
      """;

  private final CommandRunner sh = CommandRunner.system();

  @BeforeAll
  static void needsRootAndLxc() throws IOException {
    assumeTrue(HostChecks.isRoot(), "needs root");
    LxcRuntime probe = new LxcRuntime(Files.createTempDirectory("lxc-probe"));
    List<String> missing = probe.missingPrerequisites();
    assumeTrue(missing.isEmpty(), "lxc runtime unavailable: " + missing);
    assumeTrue(HostChecks.onPath("curl"), "needs curl");
    long start = System.nanoTime();
    Duration took = probe.prepareBase();
    System.out.printf(
        "base container: %s (%d ms in prepareBase)%n",
        took.isZero() ? "already there" : "created", (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void containerOnTheHostBridge(@TempDir Path state) throws Exception {
    try (EdgeLock lock = EdgeLock.tryAcquire().orElse(null)) { // mecbr0 is the edge's otherwise
      assumeTrue(lock != null, "an emulated edge runs on this machine");
      containerOnTheHostBridgeLocked(state);
    }
  }

  private void containerOnTheHostBridgeLocked(Path state) throws Exception {
    boolean bridgeMade = false;
    if (!sh.run(List.of("ip", "link", "show", "dev", "mecbr0"), CMD).ok()) {
      for (List<String> command : EdgePlan.bridgeSetup()) {
        sh.check(command, CMD);
      }
      bridgeMade = true;
    }
    LxcRuntime lxc = new LxcRuntime(state);
    String name = "it-host-c1";
    try {
      lxc.checkAvailable();
      String expected = lxc.address(name);
      long t0 = System.nanoTime();
      lxc.ensure(new ContainerSpec(name, 500, 128));
      long created = System.nanoTime() - t0;
      assertTrue(lxc.isRunning(name));
      assertEquals(Set.of(name), lxc.list());
      assertEquals(expected, lxc.address(name));
      sh.check(List.of("lxc-stop", "-P", lxc.lxcPath().toString(), "-n", name, "-k"), CMD);
      assertFalse(lxc.isRunning(name));
      long t1 = System.nanoTime();
      lxc.ensure(new ContainerSpec(name, 500, 128));
      long started = System.nanoTime() - t1;
      System.out.printf(
          "clone+configure+start %d ms, start of an existing clone %d ms%n",
          created / 1_000_000, started / 1_000_000);
      lxc.ensure(new ContainerSpec(name, 500, 128)); // idempotent

      writesIntoTheWorkDir(lxc, name, List.of());
      limitsApply(initPid(lxc, name, List.of()), 50_000, 128);
      servesHttpAndDiesWithItsProcessGroup(lxc, name, List.of());

      lxc.remove(name);
      assertGone(lxc, name);
    } finally {
      try {
        lxc.remove(name);
      } finally {
        if (bridgeMade) {
          sh.run(List.of("ip", "link", "del", "mecbr0"), CMD);
        }
      }
    }
  }

  /**
   * What an agent in an emulated board does: LXC commands in the board's cgroups and network
   * namespace. The container joins the board's own bridge, nests in its cgroup, and is reachable
   * from the host until the board is isolated; closing the edge removes it.
   */
  @Test
  void containerInAnEmulatedBoard(@TempDir Path base) throws Exception {
    try (EdgeLock lock = EdgeLock.tryAcquire().orElse(null)) {
      assumeTrue(lock != null, "an emulated edge runs on this machine");
    }
    EmulatorSettings settings =
        EmulatorSettings.defaults()
            .withIsolation(Isolation.NAMESPACES)
            .withCommand((node, agent) -> List.of("sleep", "600"));
    EmulatedEdge edge =
        EmulatedEdge.start(
            EdgeLayout.defaultCampus(2),
            base,
            URI.create("http://localhost:8080"),
            List.of("t1", "t2"),
            "lxc",
            settings);
    String name = "it-board-c1";
    LxcRuntime lxc;
    try {
      NodePlan n2 = edge.plan().node("n2");
      List<String> inBoard =
          EdgePlan.confined(
              List.of(),
              List.of(cgroupProcs("cpu", n2.cgroup()), cgroupProcs("memory", n2.cgroup())),
              n2.netns());
      lxc = new LxcRuntime(n2.stateDir(), LxcOptions.load(n2.stateDir()), sh.prefixed(inBoard));
      assertTrue(lxc.options().nestCgroups());
      lxc.checkAvailable();
      lxc.ensure(new ContainerSpec(name, 500, 128));
      assertTrue(lxc.isRunning(name));
      String address = lxc.address(name);
      assertTrue(n2.containerAddresses().contains(address), address);

      long init = initPid(lxc, name, inBoard);
      String cgroups = Files.readString(Path.of("/proc", String.valueOf(init), "cgroup"));
      assertTrue(cgroups.contains(":memory:/mec-n2/lxc.payload." + name), cgroups);
      limitsApply(init, 50_000, 128);
      writesIntoTheWorkDir(lxc, name, inBoard);
      Process server = startServer(lxc, name, inBoard);
      try {
        try {
          awaitHttp(address, true);
        } catch (RuntimeException e) {
          System.out.println(
              "server log: " + Files.readString(lxc.workDir(name).resolve("server.log")));
          throw e;
        }
        edge.isolate("n2", true);
        assertEquals("000", curl(address), "the board's containers are cut off with it");
        edge.isolate("n2", false);
        awaitHttp(address, true);
      } finally {
        killGroup(server);
      }

      edge.stop("n2"); // the board loses power: its containers die with it
      assertFalse(lxc.isRunning(name));
      edge.restart("n2");
      lxc.ensure(new ContainerSpec(name, 500, 128)); // what the restarted agent does
      assertTrue(lxc.isRunning(name));
      assertEquals(address, lxc.address(name));
      Process again = startServer(lxc, name, inBoard);
      try {
        awaitHttp(address, true);
      } finally {
        killGroup(again);
      }
    } finally {
      edge.close();
    }
    assertFalse(Files.exists(edge.plan().node("n2").stateDir().resolve("lxc").resolve(name)));
    assertNoCgroupsOf(name);
    assertFalse(sh.check(List.of("ip", "netns", "list"), CMD).contains("mec-n"));
  }

  private void writesIntoTheWorkDir(LxcRuntime lxc, String name, List<String> prefix)
      throws Exception {
    Path out = Files.createTempFile("it-out", ".log");
    Path err = Files.createTempFile("it-err", ".log");
    try {
      Process p =
          start(
              prefix,
              lxc.execCommand(
                  name,
                  List.of(
                      "sh", "-c", "echo \"hello $WHO\" > made-inside.txt; pwd >> made-inside.txt"),
                  Map.of("WHO", "from " + name)),
              out,
              err);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), Files.readString(err));
      assertEquals(
          "hello from " + name + "\n" + LxcRuntime.BUNDLE_DIR + "\n",
          Files.readString(lxc.workDir(name).resolve("made-inside.txt")));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private void servesHttpAndDiesWithItsProcessGroup(
      LxcRuntime lxc, String name, List<String> prefix) throws Exception {
    String address = lxc.address(name);
    Process server = startServer(lxc, name, prefix);
    awaitHttp(address, true);
    killGroup(server);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !anyProcessRuns("Hello.java"));
    assertEquals("000", curl(address));
  }

  private Process startServer(LxcRuntime lxc, String name, List<String> prefix) throws IOException {
    Files.writeString(lxc.workDir(name).resolve("Hello.java"), SERVER);
    String address = lxc.address(name);
    List<String> java =
        List.of(
            "java",
            "-Xmx32m",
            "-XX:ActiveProcessorCount=1",
            "-XX:TieredStopAtLevel=1",
            "Hello.java",
            address,
            String.valueOf(PORT));
    Path log = lxc.workDir(name).resolve("server.log");
    return start(prefix, lxc.execCommand(name, java, Map.of()), log, log);
  }

  /** Like {@link LxcRuntime#exec}, with the board prefix in front (the agent runs inside it). */
  private static Process start(List<String> prefix, List<String> command, Path out, Path err)
      throws IOException {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    return new ProcessBuilder(full)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
        .start();
  }

  /** SIGKILL to the process group of the started process, as the agent stops scripts. */
  private void killGroup(Process process) throws IOException {
    if (!process.isAlive()) {
      return;
    }
    long group =
        Long.parseLong(
            Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))
                .replaceAll("^.*\\) \\S+ \\d+ (\\d+) .*$", "$1")
                .strip());
    assertEquals(process.pid(), group, "the started process leads its own group");
    sh.check(List.of("kill", "-KILL", "--", "-" + group), CMD);
  }

  private long initPid(LxcRuntime lxc, String name, List<String> prefix) throws IOException {
    String out =
        sh.prefixed(prefix)
            .check(
                List.of("lxc-info", "-P", lxc.lxcPath().toString(), "-n", name, "-p", "-H"), CMD);
    return Long.parseLong(out.strip());
  }

  /** The container's payload cgroup has the spec's CPU quota and memory limit. */
  private static void limitsApply(long initPid, int quota, int memoryMiB) throws IOException {
    List<CgroupHierarchy> hierarchies =
        Cgroups.parse(
            Files.readString(Path.of("/proc/self/mountinfo")),
            Files.readString(Path.of("/proc", String.valueOf(initPid), "cgroup")));
    Path cpu = payload(Cgroups.v1(hierarchies, "cpu").orElseThrow().dir());
    Path memory = payload(Cgroups.v1(hierarchies, "memory").orElseThrow().dir());
    assertEquals(String.valueOf(quota), Files.readString(cpu.resolve("cpu.cfs_quota_us")).strip());
    assertEquals(
        String.valueOf(memoryMiB * 1024L * 1024L),
        Files.readString(memory.resolve("memory.limit_in_bytes")).strip());
  }

  private static Path payload(Path dir) {
    Path p = dir;
    while (p != null && !p.getFileName().toString().startsWith("lxc.payload.")) {
      p = p.getParent();
    }
    assertTrue(p != null, "no lxc.payload cgroup above " + dir);
    return p;
  }

  private void assertGone(LxcRuntime lxc, String name) throws IOException {
    assertFalse(lxc.isRunning(name));
    assertEquals(Set.of(), lxc.list());
    assertFalse(Files.exists(lxc.lxcPath().resolve(name)));
    assertNoCgroupsOf(name);
    assertFalse(
        sh.check(List.of("ip", "-o", "link", "show"), CMD)
            .contains(LxcContainerConfig.vethName(name)));
  }

  private static void assertNoCgroupsOf(String name) throws IOException {
    for (CgroupHierarchy h : Cgroups.ofSelf()) {
      try (Stream<Path> walk = Files.walk(h.mountPoint(), 3)) {
        List<Path> left =
            walk.filter(Files::isDirectory)
                .filter(
                    p ->
                        p.getFileName()
                            .toString()
                            .matches("lxc\\.(payload|monitor)\\." + name + ".*"))
                .toList();
        assertEquals(List.of(), left);
      }
    }
  }

  private boolean anyProcessRuns(String needle) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains(needle) && !cmdline.contains("lxc-attach")) {
            return true;
          }
        } catch (IOException e) {
          // exited meanwhile
        }
      }
    }
    return false;
  }

  private void awaitHttp(String address, boolean up) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> curl(address).equals(up ? "200" : "000"));
  }

  /** HTTP status from the host ({@code 000}: no answer within 2 s). */
  private String curl(String address) throws IOException {
    return sh.run(
            List.of(
                "curl",
                "--noproxy",
                "*",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "2",
                "http://" + address + ":" + PORT + "/"),
            CMD)
        .output()
        .strip();
  }

  private static Path cgroupProcs(String controller, String cgroup) throws IOException {
    CgroupHierarchy h = Cgroups.v1(Cgroups.ofSelf(), controller).orElseThrow();
    return h.mountPoint().resolve(cgroup).resolve("cgroup.procs");
  }
}

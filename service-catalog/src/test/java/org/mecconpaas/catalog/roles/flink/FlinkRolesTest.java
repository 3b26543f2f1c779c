package org.mecconpaas.catalog.roles.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flink roles' scripts running a real session cluster on 127.0.0.1 (the JVMs from the built
 * middleware), each instance in its own range of ten ports as on a node shared by instances.
 */
class FlinkRolesTest {
  private static final Duration START = Duration.ofSeconds(90);
  private static final long N = 200_000;

  @TempDir Path temp;
  private final List<RoleInstance> instances = new ArrayList<>();
  private final Set<Integer> bases = new java.util.HashSet<>();

  @BeforeEach
  void middlewareIsBuilt() throws IOException {
    assertTrue(
        Files.isDirectory(RoleInstance.MIDDLEWARE.resolve("flink/lib")),
        "no Flink in " + RoleInstance.MIDDLEWARE + ": mvn -pl images/middleware package");
    // the JVM runs as nobody when the tests run as root: it must reach the state directories
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void killEverything() {
    instances.forEach(RoleInstance::close);
  }

  @Test
  void sessionClusterRunsAJobAndFollowsItsTaskmanagers() throws Exception {
    RoleInstance jm = instance("jobmanager", 512);
    RoleInstance tm1 = instance("taskmanager", 0);
    RoleInstance tm2 = instance("taskmanager", 0);
    membership(jm, tm1, tm2);
    assertFalse(jm.healthy(), "jobmanager healthy before it started");
    assertFalse(tm1.healthy(), "taskmanager healthy before it started");

    long started = System.nanoTime();
    jm.start();
    tm1.start(); // the taskmanagers wait for the jobmanager by themselves
    tm2.start();
    Poll.until(START, "jobmanager healthy", jm::healthy);
    FlinkRest rest = new FlinkRest(RoleInstance.IP, jm.port());
    report("jobmanager healthy", started);
    Poll.until(START, "both taskmanagers registered", () -> registered(rest, tm1, tm2));
    report("both taskmanagers registered", started);
    Poll.until(START, "taskmanagers healthy", () -> tm1.healthy() && tm2.healthy());
    assertEquals(Optional.of(2L), rest.overview("taskmanagers"));
    // a taskmanager's slots reach /overview with its first slot report, shortly after it registered
    Poll.until(
        START,
        "2 CPUs, 768 MiB: 2 slots each",
        () -> rest.overview("slots-total").equals(Optional.of(4L)));
    for (RoleInstance instance : List.of(jm, tm1, tm2)) {
      assertListensOnlyInItsRange(instance);
    }
    assertTrue(tm1.stdout().contains("Successful registration at resource manager"), tm1.stdout());
    // a job's details (what the API and the portal show) lag its state by at most half a second,
    // not by Flink's default 3 s
    assertEquals(
        Optional.of("500 ms"), rest.jobManagerConfig("rest.cache.execution-graph.timeout"));

    String jobId = rest.run(rest.upload(SumJobJar.build(temp.resolve("job"))), List.of("" + N), 4);
    String state = Poll.until(START, "job ends", () -> ended(rest, jobId)).value();
    assertEquals("FINISHED", state);
    assertEquals(Optional.of(Long.toString(N * (N + 1) / 2)), rest.accumulator(jobId, "total"));

    long tm1Jvm = tm1.jvmPid().orElseThrow();
    long stopped = System.nanoTime();
    tm2.stop();
    Poll.until(
        Duration.ofSeconds(10),
        "the stopped taskmanager unregistered (not after a 50 s heartbeat timeout)",
        () -> rest.taskmanagerIds().equals(List.of(tm1.id())));
    report("stopped taskmanager unregistered", stopped);
    assertTrue(tm2.awaitExit(Duration.ofSeconds(5)), "start.sh still runs 5 s after SIGTERM");
    assertFalse(ProcessHandle.of(tm2.jvmPid().orElseThrow()).isPresent(), "JVM left running");

    RoleInstance tm3 = instance("taskmanager", 0);
    membership(jm, tm1, tm3);
    assertEquals(0, tm1.run("notify.sh"));
    assertFalse(tm3.healthy(), "taskmanager healthy before it started");
    long added = System.nanoTime();
    tm3.start();
    Poll.until(START, "the added taskmanager is healthy", tm3::healthy);
    report("added taskmanager healthy", added);
    assertTrue(registered(rest, tm1, tm3));
    assertEquals(tm1Jvm, tm1.jvmPid().orElseThrow(), "notify restarted a taskmanager needlessly");
  }

  @Test
  void taskmanagerWaitsForItsJobmanagerAndFollowsItWhenItMoves() throws Exception {
    RoleInstance tm = instance("taskmanager", 0);
    RoleInstance first = instance("jobmanager", 0);
    RoleInstance second = instance("jobmanager", 0);
    membership(tm);
    long started = System.nanoTime();
    tm.start();
    Poll.until(START, "the taskmanager says it waits", () -> tm.stdout().contains("waiting"));
    assertFalse(tm.healthy());

    first.start();
    second.start(); // the one it moves to later, booting meanwhile
    membership(first, tm); // no notify: the waiting start.sh reads agents.json again
    FlinkRest atFirst = new FlinkRest(RoleInstance.IP, first.port());
    Poll.until(START, "registered at the first jobmanager", () -> registered(atFirst, tm));
    report("taskmanager started before its jobmanager registered", started);
    Poll.until(START, "taskmanager healthy", tm::healthy);

    Poll.until(START, "second jobmanager healthy", second::healthy);
    membership(second, tm);
    long notified = System.nanoTime();
    assertEquals(0, tm.run("notify.sh"));
    FlinkRest atSecond = new FlinkRest(RoleInstance.IP, second.port());
    Poll.until(START, "registered at the second jobmanager", () -> registered(atSecond, tm));
    report("taskmanager registered at the moved jobmanager", notified);
    assertEquals(List.of(), atFirst.taskmanagerIds(), "still registered at the old jobmanager");
    Poll.until(START, "taskmanager healthy again", tm::healthy);
  }

  private static void report(String what, long sinceNanos) {
    System.out.printf(
        "flink roles: %s after %d ms%n", what, (System.nanoTime() - sinceNanos) / 1_000_000);
  }

  private RoleInstance instance(String role, int memoryMiB) throws IOException {
    int port = freeRange();
    RoleInstance instance =
        RoleInstance.create(temp, "flink", role, "s9-" + role + "-" + port, port, memoryMiB);
    instances.add(instance);
    return instance;
  }

  private void membership(RoleInstance... members) throws IOException {
    for (RoleInstance member : members) {
      member.writeAgents(List.of(members));
    }
  }

  private static boolean registered(FlinkRest rest, RoleInstance... taskmanagers) {
    List<String> ids = rest.taskmanagerIds();
    return List.of(taskmanagers).stream().allMatch(tm -> ids.contains(tm.id()));
  }

  private static Optional<String> ended(FlinkRest rest, String jobId) {
    return rest.jobState(jobId).filter(s -> Set.of("FINISHED", "FAILED", "CANCELED").contains(s));
  }

  private static void assertListensOnlyInItsRange(RoleInstance instance) throws IOException {
    Set<Integer> ports = ListeningPorts.of(instance.jvmPid().orElseThrow());
    assertTrue(ports.contains(instance.port()), instance + " listens on " + ports);
    assertTrue(
        ports.stream().allMatch(p -> p >= instance.port() && p < instance.port() + 10),
        instance + " listens outside its ports: " + ports);
  }

  /** The first of ten free ports on 127.0.0.1, below Linux's ephemeral ports (32768). */
  private int freeRange() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = 20_000 + 10 * ThreadLocalRandom.current().nextInt(1_200);
      if (bases.add(base) && allFree(base)) {
        return base;
      }
    }
    throw new IOException("no 10 free ports in a row on 127.0.0.1");
  }

  private static boolean allFree(int base) {
    for (int port = base; port < base + 10; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}

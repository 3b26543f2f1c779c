package org.mecconpaas.it.bench;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The baseline: the same HAProxy -> nginx -> php-fpm path as the platform's PHP service, started
 * bare on this machine (127.0.0.1, no agent, no network namespace, no link shaping) by the very
 * role scripts the platform's instances run ({@code proxy/start.sh}, {@code backend/start.sh},
 * copied from their {@code .role/} directories) with the same {@code MEC_CPU_MILLIS} and {@code
 * MEC_MEMORY_MIB}, so configurations, worker counts and limits are the ones a platform instance
 * renders. Each daemon runs in a {@link CgroupPair} with its platform instance's CPU quota and
 * memory limit; the CPU quota can be lifted for the unlimited comparison. {@link #close()} stops
 * the daemons by PID (also from a shutdown hook) and removes the cgroups.
 */
final class BarePhpStack implements AutoCloseable {
  /**
   * Joins the cgroups, then becomes the role script (the agent's process runtime does the same).
   */
  private static final String JOIN = "echo $$ >\"$1\" && echo $$ >\"$2\" && shift 2 && exec \"$@\"";

  private static final Duration READY_LIMIT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** One daemon: the role script's process (the HAProxy master, or backend's start.sh). */
  private record Daemon(
      String role, Process process, CgroupPair cgroup, CgroupPair.Limits limits) {}

  private final Path dir;
  private final String cgroupParent;
  private final List<Daemon> daemons = new ArrayList<>();
  private final Thread stopOnExit = new Thread(this::stop, "bare-php-stop");
  private int proxyPort;
  private boolean closed;

  private BarePhpStack(Path dir) {
    this.dir = dir;
    this.cgroupParent = "mec-bench-web-" + ProcessHandle.current().pid();
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * A role to run: its scripts (a copy of a platform instance's {@code .role/} directory, so that
   * both run the very same scripts) and the limits its platform instance has.
   */
  record Role(Path scripts, CgroupPair.Limits limits) {}

  /**
   * Unpacks {@code bundle}, starts a backend and a proxy in front of it, and waits until the proxy
   * answers through the backend.
   */
  static BarePhpStack start(Path dir, byte[] bundle, Role proxy, Role backend) throws Exception {
    if (!CgroupPair.usable()) {
      throw new IllegalStateException("the bare run needs root and cgroup v1 cpu and memory");
    }
    BarePhpStack stack = new BarePhpStack(dir);
    try {
      Path code = stack.directory("code");
      unzip(bundle, code);
      int backendPort = freePort();
      stack.start("backend", backend, backendPort, Map.of("MEC_CODE_DIR", code.toString()));
      Files.writeString(
          stack.directory("proxy").resolve("agents.json"),
          "[{\"id\": \"bare-backend\", \"role\": \"backend\", \"ip\": \"127.0.0.1\", \"port\": "
              + backendPort
              + "}]\n");
      stack.proxyPort = freePortRange(3);
      stack.start("proxy", proxy, stack.proxyPort, Map.of());
      stack.awaitServing();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxyPort + "/");
  }

  /** The state directory of a role: its rendered configuration is in {@code conf/}. */
  Path stateDir(String role) {
    return dir.resolve(role);
  }

  /** With the platform instances' CPU quotas, or without any. Memory limits stay either way. */
  void limitCpu(boolean limited) throws IOException {
    for (Daemon daemon : daemons) {
      daemon.cgroup().limitCpu(limited ? daemon.limits().cpuMillis() : 0);
    }
  }

  private void start(String role, Role spec, int port, Map<String, String> more)
      throws IOException {
    Path state = directory(role);
    Path scripts = copy(spec.scripts(), directory("roles").resolve(role));
    CgroupPair.Limits limits = spec.limits();
    CgroupPair cgroup = CgroupPair.create(cgroupParent + "/" + role, limits);
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, "mec-bench-join"));
    cgroup.procsFiles().forEach(file -> command.add(file.toString()));
    command.addAll(List.of("/bin/bash", scripts.resolve("start.sh").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(state.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(role + ".log").toFile())
            .redirectInput(new File("/dev/null"));
    Map<String, String> env = new HashMap<>(more);
    env.put("MEC_INSTANCE", "bare-" + role);
    env.put("MY_ROLE", role);
    env.put("MY_IP", "127.0.0.1");
    env.put("MY_PORT", Integer.toString(port));
    env.put("MEC_STATE_DIR", state.toString());
    env.put("MEC_ROLE_DIR", scripts.toString());
    env.put("MEC_CPU_MILLIS", Integer.toString(limits.cpuMillis()));
    env.put("MEC_MEMORY_MIB", Integer.toString(limits.memoryMiB()));
    // what the agent gives a role script: PATH, HOME and the instance's variables only
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("HOME", state.toString());
    builder.environment().putAll(env);
    daemons.add(new Daemon(role, builder.start(), cgroup, limits));
  }

  private void awaitServing() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + READY_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Daemon daemon : daemons) {
        if (!daemon.process().isAlive()) {
          throw new IllegalStateException(
              "bare " + daemon.role() + " exited; see " + dir.resolve(daemon.role() + ".log"));
        }
      }
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(endpoint().resolve("/whoami.php"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().strip().equals("bare-backend")) {
          return;
        }
        last = answer.statusCode() + " " + answer.body().strip();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the bare proxy did not answer through the backend within "
            + READY_LIMIT.toSeconds()
            + " s (last: "
            + last
            + "); logs in "
            + dir);
  }

  /** A directory the daemons' user (nobody) can pass through, as the role scripts require. */
  private Path directory(String name) throws IOException {
    Files.createDirectories(dir);
    dir.toFile().setExecutable(true, false);
    Path child = Files.createDirectories(dir.resolve(name));
    Files.setPosixFilePermissions(child, PosixFilePermissions.fromString("rwxr-xr-x"));
    return child;
  }

  /** Copies a directory of files, keeping their modes (the scripts call each other). */
  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(
            file,
            to.resolve(file.getFileName()),
            StandardCopyOption.COPY_ATTRIBUTES,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }

  private static void unzip(byte[] bundle, Path into) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path file = into.resolve(entry.getName()).normalize();
        if (!file.startsWith(into) || entry.isDirectory()) {
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, zip.readAllBytes());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
  }

  /** SIGTERM to each daemon (start.sh stops its children), SIGKILL to what is left after grace. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook is this very call, or runs anyway
    }
  }

  private synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> family = new ArrayList<>();
    for (Daemon daemon : daemons) {
      family.add(daemon.process().toHandle());
      daemon.process().descendants().forEach(family::add);
    }
    daemons.forEach(daemon -> daemon.process().destroy());
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle member : family) {
      try {
        member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        member.destroyForcibly();
      }
    }
    try {
      for (Daemon daemon : daemons) {
        daemon.cgroup().remove();
      }
      CgroupPair.removeParent(cgroupParent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * The first of {@code count} consecutive ports free on loopback (HAProxy: public, stats, CLI).
   */
  private static int freePortRange(int count) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 29_000);
      if (free(base, count)) {
        return base;
      }
    }
    throw new IOException("no " + count + " consecutive free ports on 127.0.0.1");
  }

  private static boolean free(int base, int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int port = base; port < base + count; port++) {
        held.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
      }
      return true;
    } catch (IOException taken) {
      return false;
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a probe socket
        }
      }
    }
  }
}

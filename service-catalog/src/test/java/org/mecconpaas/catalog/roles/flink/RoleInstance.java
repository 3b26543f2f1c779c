package org.mecconpaas.catalog.roles.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.mecconpaas.catalog.RoleFiles;

/**
 * One instance of a catalog role run as the node agent runs it (docs/role-runners.md): the role's
 * files copied out of the catalog into the instance's state directory, the contract's environment,
 * {@code start.sh} leading its own process group, stopped by SIGTERM to that group.
 */
final class RoleInstance implements AutoCloseable {
  static final String IP = "127.0.0.1";
  private static final String ROLE_DIR = ".role"; // as the agent lays an instance out
  static final Path MIDDLEWARE =
      Path.of(System.getProperty("mec.middleware", "../images/middleware/target/middleware"));

  private final String type;
  private final String role;
  private final String id;
  private final int port;
  private final int memoryMiB;
  private final Path dir;
  private Process start;

  private RoleInstance(String type, String role, String id, int port, int memoryMiB, Path dir) {
    this.type = type;
    this.role = role;
    this.id = id;
    this.port = port;
    this.memoryMiB = memoryMiB;
    this.dir = dir;
  }

  /** A fresh instance in {@code parent/id}, readable by the user the scripts run the JVM as. */
  static RoleInstance create(
      Path parent, String type, String role, String id, int port, int memoryMiB)
      throws IOException {
    Path dir = Files.createDirectories(parent.resolve(id));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    RoleFiles.of(type, role)
        .orElseThrow(() -> new IOException("no role " + role))
        .copyTo(dir.resolve(ROLE_DIR));
    return new RoleInstance(type, role, id, port, memoryMiB, dir);
  }

  String id() {
    return id;
  }

  String role() {
    return role;
  }

  int port() {
    return port;
  }

  Path dir() {
    return dir;
  }

  /** Writes agents.json as the agent does before it starts or notifies the instance. */
  void writeAgents(List<RoleInstance> members) throws IOException {
    String json =
        members.stream()
            .map(
                m ->
                    String.format(
                        "{\"id\":\"%s\",\"role\":\"%s\",\"ip\":\"%s\",\"port\":%d}",
                        m.id, m.role, IP, m.port))
            .collect(Collectors.joining(",", "[", "]"));
    Path tmp = dir.resolve("agents.json.tmp");
    Files.writeString(tmp, json);
    Files.move(tmp, dir.resolve("agents.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  void start() throws IOException {
    start = builder("start.sh").start();
  }

  /** Runs another script of the role to its end; its exit code. */
  int run(String script) throws IOException, InterruptedException {
    Process process = builder(script).start();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(script + " of " + id + " still runs after 20 s");
    }
    return process.exitValue();
  }

  boolean healthy() {
    try {
      return run("health.sh") == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM to start.sh's process group, as the agent removes an instance. */
  void stop() {
    signalGroup("TERM");
  }

  /** Whether start.sh ended within the timeout. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return start == null || start.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The JVM start.sh runs now, from the pid file the scripts keep. */
  OptionalLong jvmPid() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve("jvm.pid")).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  String stdout() {
    try {
      return Files.readString(dir.resolve("stdout.log"));
    } catch (IOException e) {
      return "";
    }
  }

  /** Kills whatever of the instance is left (also after a failed test). */
  @Override
  public void close() {
    if (start != null && start.isAlive()) {
      signalGroup("TERM");
      try {
        start.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    signalGroup("KILL"); // the group outlives start.sh while a child of it is left
    jvmPid().stream()
        .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private void signalGroup(String signal) {
    if (start == null) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-s", signal, "--", "-" + start.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal " + id, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProcessBuilder builder(String script) {
    // setsid: the script leads a new process group, as under the agent
    ProcessBuilder builder =
        new ProcessBuilder("setsid", "./" + ROLE_DIR + "/" + script).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    env.put("HOME", dir.toString());
    env.put("MY_IP", IP);
    env.put("MY_PORT", Integer.toString(port));
    env.put("MY_ROLE", role);
    env.put("MEC_INSTANCE", id);
    env.put("MEC_STATE_DIR", dir.toString());
    env.put("MEC_ROLE_DIR", dir.resolve(ROLE_DIR).toString());
    env.put("MEC_CODE_DIR", "");
    env.put("MEC_CODE_VERSION", "0");
    env.put("MEC_MIDDLEWARE", MIDDLEWARE.toAbsolutePath().toString());
    env.put("MEC_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("MEC_MEMORY_MIB", Integer.toString(memoryMiB));
    env.put("MEC_CPU_MILLIS", "2000");
    String log = "start.sh".equals(script) ? "stdout.log" : script + ".log";
    return builder
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile()));
  }

  @Override
  public String toString() {
    return type + "/" + role + " " + id + " on " + IP + ":" + port;
  }
}

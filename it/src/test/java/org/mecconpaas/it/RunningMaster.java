package org.mecconpaas.it;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real master distribution, started through the {@code mec-master} launcher as a child process,
 * listening on a free port on loopback. {@link #close()} stops it and everything it spawned; a JVM
 * shutdown hook does the same if the test JVM exits first, so that no master outlives a crashed or
 * interrupted run.
 */
public final class RunningMaster implements AutoCloseable {

  /** The first start unpacks Payara and deploys the WAR (about 10 s); leave room for slow CI. */
  public static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

  /** Payara's orderly shutdown takes a few seconds; past this it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final MasterSetup setup;
  private final int port;
  private final Process process;
  private final long launchedAtNanos;
  private final Thread killOnExit;
  private final ApiClient anonymous;
  private final List<ProcessHandle> stopped = new ArrayList<>();
  private boolean closed;

  private RunningMaster(MasterSetup setup, int port, Process process, long launchedAtNanos) {
    this.setup = setup;
    this.port = port;
    this.process = process;
    this.launchedAtNanos = launchedAtNanos;
    this.anonymous = ApiClient.anonymous(api());
    this.killOnExit = new Thread(() -> family().forEach(ProcessHandle::destroyForcibly));
    try {
      Runtime.getRuntime().addShutdownHook(killOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // launched while this JVM exits (a SIGTERM): no hook would ever stop it, so stop it now
      family().forEach(ProcessHandle::destroyForcibly);
      throw shutdownInProgress;
    }
  }

  /**
   * Launches a master and waits until {@code GET /api/v1/health} answers 200. A master that does
   * not get there is stopped again, and the end of its log is put in the exception.
   */
  public static RunningMaster start(MasterSetup setup, String... launcherOptions)
      throws IOException {
    return startOn(freePort(), setup, launcherOptions);
  }

  /**
   * As {@link #start}, on a given port: a restarted master must keep its address, since the
   * emulated nodes it adopts keep calling it there.
   */
  public static RunningMaster startOn(int port, MasterSetup setup, String... launcherOptions)
      throws IOException {
    RunningMaster master = launch(port, setup, launcherOptions);
    try {
      master.awaitReady(
          "GET /api/v1/health to answer 200",
          Duration.ofMillis(200),
          () -> master.anonymous.get("/health").status() == 200);
      return master;
    } catch (RuntimeException | Error e) {
      try {
        master.close();
      } catch (RuntimeException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw new IllegalStateException(
          "the master did not become ready; end of " + setup.logFile() + ":\n" + master.logTail(40),
          e);
    }
  }

  /**
   * Launches a master and returns at once; see {@link #awaitReady}. Without options the master runs
   * without an emulated edge ({@code --no-edge}); pass e.g. {@code --nodes 3} for one.
   */
  public static RunningMaster launch(MasterSetup setup, String... launcherOptions)
      throws IOException {
    return launch(freePort(), setup, launcherOptions);
  }

  private static RunningMaster launch(int port, MasterSetup setup, String... launcherOptions)
      throws IOException {
    Path logDir = setup.logFile().toAbsolutePath().getParent();
    Files.createDirectories(logDir);
    List<String> command =
        new ArrayList<>(
            List.of(
                setup.launcher().toString(),
                "--data-dir",
                setup.dataDir().toString(),
                "--port",
                Integer.toString(port)));
    command.addAll(launcherOptions.length == 0 ? List.of("--no-edge") : List.of(launcherOptions));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(logDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(setup.logFile().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("MEC_ADMIN_INITIAL_PASSWORD", setup.adminPassword());
    long launchedAt = System.nanoTime();
    return new RunningMaster(setup, port, builder.start(), launchedAt);
  }

  /**
   * Polls {@code probe} until it holds, for at most {@link #STARTUP_LIMIT}; gives up at once when
   * the master exits. Exceptions of the probe count as "not yet": the port refuses connections
   * until Payara listens.
   */
  public void awaitReady(String what, Duration pollInterval, Callable<Boolean> probe) {
    await(what + " (log: " + setup.logFile() + ")")
        .atMost(STARTUP_LIMIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(pollInterval)
        .ignoreExceptions()
        .failFast("the master exited before it was ready", () -> !process.isAlive())
        .until(probe);
  }

  /** The API root, e.g. {@code http://127.0.0.1:41234/api/v1}. */
  public URI api() {
    return URI.create(url() + "/api/v1");
  }

  /** What {@code mec login --url} takes. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String adminPassword() {
    return setup.adminPassword();
  }

  public MasterSetup setup() {
    return setup;
  }

  /** The launcher's PID; SIGTERM to it stops the master and its emulated edge. */
  public long pid() {
    return process.pid();
  }

  /** The master's JVM, a child of the launcher. */
  public ProcessHandle jvm() {
    return process
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the launcher has no java child"));
  }

  /** {@link System#nanoTime()} just before the launcher was started. */
  public long launchedAtNanos() {
    return launchedAtNanos;
  }

  /**
   * SIGTERM to the launcher and its descendants (the JVM, the emulated edge, the launcher's
   * health-probe subshell if still polling), SIGKILL to whatever is left after {@link #STOP_GRACE}.
   * Fails if anything survives.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Snapshot first: once the JVM is gone its children are re-parented and out of reach.
    stopped.addAll(family());
    stopped.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle member : stopped) {
      if (!exits(member, Duration.ofNanos(deadline - System.nanoTime()))) {
        member.destroyForcibly();
        exits(member, Duration.ofSeconds(10));
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is running or about to; nothing left for it to do.
    }
    List<Long> survivors =
        stopped.stream().filter(ProcessHandle::isAlive).map(p -> p.pid()).toList();
    if (!survivors.isEmpty()) {
      throw new IllegalStateException("processes still alive after SIGKILL: " + survivors);
    }
  }

  /**
   * Forgets this master without stopping anything: for tests that killed its JVM on purpose and
   * start another master that adopts the emulated edge left running.
   */
  public void abandon() {
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // nothing to undo
    }
  }

  /** True while the JVM or, after {@link #close()}, any process it had spawned is alive. */
  public boolean isAlive() {
    return process.isAlive() || stopped.stream().anyMatch(ProcessHandle::isAlive);
  }

  /** The last lines of the master's log, for failure messages. */
  public String logTail(int lines) {
    try {
      // Decoded leniently: a stray byte in the log must not hide why the master failed.
      String[] all =
          new String(Files.readAllBytes(setup.logFile()), StandardCharsets.UTF_8).split("\n");
      return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(cannot read the log: " + e.getMessage() + ")";
    }
  }

  private List<ProcessHandle> family() {
    List<ProcessHandle> family = new ArrayList<>();
    family.add(process.toHandle());
    process.descendants().forEach(family::add);
    return family;
  }

  private static boolean exits(ProcessHandle process, Duration within) {
    try {
      process.onExit().get(Math.max(0, within.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }

  /**
   * A port nobody listens on right now. Another process could take it before the master binds it;
   * on a test machine that race is rare enough, and the start then fails loudly.
   */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

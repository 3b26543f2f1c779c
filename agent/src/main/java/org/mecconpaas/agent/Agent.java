package org.mecconpaas.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.mecconpaas.agent.access.AccessPoint;
import org.mecconpaas.agent.access.NodeAccessPoint;
import org.mecconpaas.agent.bundle.BundleFetcher;
import org.mecconpaas.agent.desired.DesiredState;
import org.mecconpaas.agent.desired.DesiredStateStore;
import org.mecconpaas.agent.logs.LogOffsetStore;
import org.mecconpaas.agent.master.EnrollRequest;
import org.mecconpaas.agent.master.MasterClient;
import org.mecconpaas.agent.metrics.MetricsReader;
import org.mecconpaas.agent.reconcile.Reconciler;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.state.Credential;
import org.mecconpaas.agent.state.CredentialStore;
import org.mecconpaas.agent.state.InstanceStateStore;
import org.mecconpaas.agent.state.StateDirLock;

/**
 * One agent on one state directory: enrolls if needed, reconciles the persisted desired state
 * before talking to the master, then heartbeats until stopped. Stopping leaves every container and
 * script running for the next agent to adopt.
 */
public final class Agent {
  private static final Logger LOG = Logger.getLogger(Agent.class.getName());
  private static final long DEFAULT_INTERVAL_MILLIS = 2000;

  private final AgentConfig config;
  private final ContainerRuntime runtime;
  private final Consumer<String> errors;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final BeatPause pause = new BeatPause();
  private final CountDownLatch stopped = new CountDownLatch(1);

  public Agent(AgentConfig config, ContainerRuntime runtime) {
    this(config, runtime, line -> System.err.println("mec-agent: " + line));
  }

  /**
   * @param errors receives the one-line reason when the agent ends with a non-zero code
   */
  public Agent(AgentConfig config, ContainerRuntime runtime, Consumer<String> errors) {
    this.config = config;
    this.runtime = runtime;
    this.errors = errors;
  }

  /**
   * Runs until {@link #stop()} (exit code 0) or a fatal condition: 2 bad options or enrollment
   * fields, 4 join token or credential rejected, 1 anything else.
   */
  public int run() {
    try {
      runUntilStopped();
      LOG.info("agent stopped; containers and scripts keep running");
      return 0;
    } catch (AgentExit e) {
      if (e.code() != 0) {
        errors.accept(e.getMessage());
      }
      return e.code();
    } finally {
      stopped.countDown();
    }
  }

  /** Asks {@link #run()} to return; waits up to {@code timeout} for it. */
  public boolean stop(Duration timeout) throws InterruptedException {
    LOG.fine("stopping");
    stopping.countDown();
    pause.stop();
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runUntilStopped() throws AgentExit {
    Path stateDir = prepareStateDir(config.stateDir().toAbsolutePath().normalize());
    StateDirLock lock = lock(stateDir);
    try {
      runLocked(stateDir);
    } finally {
      try {
        lock.close();
      } catch (IOException e) {
        LOG.warning("cannot release the state directory lock: " + e.getMessage());
      }
    }
  }

  private static StateDirLock lock(Path stateDir) throws AgentExit {
    try {
      return StateDirLock.tryAcquire(stateDir)
          .orElseThrow(
              () -> new AgentExit(AgentExit.FAILURE, "another agent is running on " + stateDir));
    } catch (IOException e) {
      throw new AgentExit(AgentExit.FAILURE, "cannot lock " + stateDir + ": " + e.getMessage());
    }
  }

  private void runLocked(Path stateDir) throws AgentExit {
    CredentialStore credentials = new CredentialStore(stateDir);
    Optional<Credential> stored;
    try {
      stored = credentials.load();
    } catch (IOException e) {
      throw new AgentExit(AgentExit.FAILURE, "cannot read the credential: " + e.getMessage());
    }
    URI masterUrl = masterUrl(stored);
    MasterClient master = new MasterClient(masterUrl);
    long interval =
        config.intervalMillis() != null ? config.intervalMillis() : DEFAULT_INTERVAL_MILLIS;
    Credential credential =
        stored.isPresent() ? stored.get() : enroll(master, masterUrl, credentials, stateDir);
    LOG.info("node " + credential.node() + ", master " + masterUrl + ", runtime " + runtime.name());

    InstanceStateStore instances = new InstanceStateStore(stateDir);
    DesiredStateStore desiredStore = new DesiredStateStore(stateDir);
    LogOffsetStore offsets;
    try {
      offsets = new LogOffsetStore(stateDir);
    } catch (IOException e) {
      throw new AgentExit(AgentExit.FAILURE, "cannot read log offsets: " + e.getMessage());
    }
    BundleFetcher fetcher =
        new BundleFetcher((path, target) -> master.download(credential.credential(), path, target));
    Reconciler reconciler = new Reconciler(runtime, instances, fetcher, config.address());
    AccessPoint accessPoint =
        NodeAccessPoint.create(config.accessPoint(), config.address(), config.hostapdCli());
    try {
      loadDesired(desiredStore, reconciler);
      reconciler.reconcileOnce(); // before the first heartbeat: the master may be away
      reconciler.start(Duration.ofSeconds(1));
      reconciler.whenPhasesChange(pause::news);
      MasterWakeWatch wakeWatch =
          new MasterWakeWatch(
              since -> master.pollWake(credential.credential(), since), pause::news);
      new HeartbeatLoop(
              master,
              credential.credential(),
              reconciler,
              desiredStore,
              offsets,
              instances,
              new MetricsReader(stateDir),
              accessPoint,
              interval,
              config.intervalMillis(),
              pause,
              wakeWatch)
          .run();
    } finally {
      accessPoint.close(); // the router's ports and connections; containers keep running
      try {
        reconciler.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Credential enroll(
      MasterClient master, URI masterUrl, CredentialStore credentials, Path stateDir)
      throws AgentExit {
    if (config.joinToken() == null) {
      throw new AgentExit(
          AgentExit.USAGE,
          "no credential in "
              + stateDir
              + " yet: the first start needs --join-token (or MEC_JOIN_TOKEN)");
    }
    int cpuMillis =
        config.cpuMillis() != null
            ? config.cpuMillis()
            : Runtime.getRuntime().availableProcessors() * 1000;
    long memoryMiB =
        config.memoryMiB() != null
            ? config.memoryMiB()
            : new MetricsReader(stateDir).memoryTotalMiB();
    EnrollRequest request =
        new EnrollRequest(
            config.joinToken(),
            config.name(),
            config.latitude(),
            config.longitude(),
            cpuMillis,
            memoryMiB,
            config.address(),
            runtime.name());
    return new Enroller(master, credentials, this::sleep).enroll(request, masterUrl);
  }

  private URI masterUrl(Optional<Credential> stored) throws AgentExit {
    if (config.master() != null) {
      return config.master();
    }
    if (stored.isPresent() && stored.get().master() != null) {
      return URI.create(stored.get().master());
    }
    throw new AgentExit(AgentExit.USAGE, "--master is required");
  }

  private static void loadDesired(DesiredStateStore store, Reconciler reconciler) {
    try {
      Optional<DesiredState> desired = store.load();
      desired.ifPresent(reconciler::desire);
    } catch (IOException e) {
      // without it the agent waits for the master rather than guessing
      LOG.warning("cannot read the saved desired state, waiting for the master: " + e.getMessage());
    }
  }

  /** The state directory, created owner-only: it holds the credential and the instances' logs. */
  private static Path prepareStateDir(Path stateDir) throws AgentExit {
    try {
      if (!Files.isDirectory(stateDir)) {
        Files.createDirectories(
            stateDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.isWritable(stateDir)) {
        throw new AgentExit(AgentExit.FAILURE, "state directory " + stateDir + " is not writable");
      }
      return stateDir;
    } catch (IOException e) {
      throw new AgentExit(
          AgentExit.FAILURE, "cannot create the state directory " + stateDir + ": " + e);
    }
  }

  /** Waits, or returns false at once when the agent is stopping. */
  private boolean sleep(long millis) {
    try {
      return !stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mecconpaas.agent.bundle.BundleFetcher;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.desired.DesiredState;
import org.mecconpaas.agent.report.InstancePhase;
import org.mecconpaas.agent.report.InstanceReport;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.state.InstanceStateStore;

/**
 * Drives the node toward the desired state: one thread runs a pass whenever the desired state
 * changes, a script or download ends, or a tick passes. Instances no longer desired are removed;
 * containers and state left by instances unknown to the desired state are removed too, but only
 * once a desired state is known, so an agent without one (first start) never destroys anything.
 */
public final class Reconciler {
  private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

  /** Instance ids are {@code s<service>-<role>-<index>}; other containers are not ours to sweep. */
  private static final String INSTANCE_ID = "s[0-9]+-[a-z0-9-]+-[0-9]+";

  private final ContainerRuntime runtime;
  private final InstanceStateStore store;
  private final ExecutorService jobs;
  private final InstanceSupervisor.Context context;
  private final Map<String, InstanceSupervisor> supervisors = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Void>> retiring = new HashMap<>();
  private final Semaphore wakeups = new Semaphore(0);
  private volatile DesiredState desired;
  private DesiredState swept;
  private volatile List<InstanceReport> reports = List.of();
  private volatile Runnable onPhaseChange = () -> {};
  private volatile boolean running;
  private Thread thread;

  public Reconciler(
      ContainerRuntime runtime,
      InstanceStateStore store,
      BundleFetcher fetcher,
      String nodeAddress) {
    this(runtime, store, fetcher, nodeAddress, RoleEnvironment.ofThisNode());
  }

  /**
   * @param roleEnvironment what every catalog role gets from the node ({@link RoleEnvironment})
   */
  public Reconciler(
      ContainerRuntime runtime,
      InstanceStateStore store,
      BundleFetcher fetcher,
      String nodeAddress,
      Map<String, String> roleEnvironment) {
    this.runtime = runtime;
    this.store = store;
    this.jobs =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "mec-agent-job");
              t.setDaemon(true);
              return t;
            });
    this.context =
        new InstanceSupervisor.Context(
            runtime,
            store,
            new CodeInstaller(fetcher),
            jobs,
            this::wake,
            nodeAddress,
            roleEnvironment);
  }

  /**
   * Sets the whole desired state; a changed one is reconciled at once, an equal one at the tick.
   */
  public void desire(DesiredState state) {
    boolean changed = !state.equals(desired);
    desired = state;
    if (changed) {
      wake();
    }
  }

  public void wake() {
    wakeups.release();
  }

  /** The instances' states as of the last pass, in desired order. */
  public List<InstanceReport> reports() {
    return reports;
  }

  /** Starts the reconcile thread. */
  public synchronized void start(Duration tick) {
    running = true;
    thread = new Thread(() -> loop(tick), "mec-agent-reconciler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops reconciling. Containers and scripts keep running: the next agent adopts them. */
  public void stop() throws InterruptedException {
    running = false;
    wake();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.join(TimeUnit.SECONDS.toMillis(15));
    }
    jobs.shutdown();
    jobs.awaitTermination(15, TimeUnit.SECONDS);
  }

  private void loop(Duration tick) {
    while (running) {
      try {
        reconcileOnce();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "reconcile pass failed", e);
      }
      try {
        wakeups.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One pass over all instances; also called once before the first heartbeat. */
  public synchronized void reconcileOnce() {
    DesiredState want = desired;
    if (want == null) {
      return;
    }
    long now = System.nanoTime() / 1_000_000;
    Set<String> wanted =
        want.instances().stream().map(DesiredInstance::id).collect(Collectors.toSet());
    finishRetirements();
    for (InstanceSupervisor supervisor : List.copyOf(supervisors.values())) {
      if (!wanted.contains(supervisor.id())) {
        retire(supervisor);
      }
    }
    if (!want.equals(swept)) {
      sweepOrphans(wanted);
      swept = want;
    }
    List<InstanceReport> next = new ArrayList<>();
    for (DesiredInstance instance : want.instances()) {
      if (retiring.containsKey(instance.id())) {
        next.add(placeholder(instance.id(), "waiting for the previous instance to be removed"));
        continue; // re-created once the removal finished
      }
      InstanceSupervisor supervisor =
          supervisors.computeIfAbsent(instance.id(), id -> InstanceSupervisor.adopt(id, context));
      try {
        supervisor.reconcile(instance, now);
      } catch (RuntimeException e) {
        // one broken instance must not stop the others from being reconciled
        LOG.log(Level.SEVERE, instance.id() + ": reconcile failed", e);
      }
      next.add(supervisor.report());
    }
    List<InstanceReport> before = reports;
    reports = List.copyOf(next);
    if (!phases(before).equals(phases(reports))) {
      onPhaseChange.run();
    }
  }

  /**
   * Called (on the reconciler's thread) after a pass in which an instance changed phase: the
   * heartbeat loop reports it at once instead of at its next beat.
   */
  public void whenPhasesChange(Runnable action) {
    onPhaseChange = action;
  }

  private static Map<String, InstancePhase> phases(List<InstanceReport> reports) {
    Map<String, InstancePhase> phases = new LinkedHashMap<>();
    reports.forEach(r -> phases.put(r.id(), r.phase()));
    return phases;
  }

  private void retire(InstanceSupervisor supervisor) {
    if (retiring.containsKey(supervisor.id()) || supervisor.busy()) {
      return;
    }
    LOG.info(supervisor.id() + ": no longer desired; removing");
    CompletableFuture<Void> removal =
        CompletableFuture.runAsync(
            () -> {
              try {
                supervisor.retire();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            jobs);
    retiring.put(supervisor.id(), removal);
    removal.whenComplete((ignored, error) -> wake());
  }

  private void finishRetirements() {
    for (Map.Entry<String, CompletableFuture<Void>> entry : List.copyOf(retiring.entrySet())) {
      if (!entry.getValue().isDone()) {
        continue;
      }
      retiring.remove(entry.getKey());
      try {
        entry.getValue().join();
        supervisors.remove(entry.getKey());
      } catch (CompletionException e) {
        // the supervisor stays, so the next pass tries again
        LOG.warning(entry.getKey() + ": removal failed, will retry: " + e.getCause());
      }
    }
  }

  /** Containers and state directories of instances the agent no longer knows about. */
  private void sweepOrphans(Set<String> wanted) {
    Set<String> found = new TreeSet<>();
    try {
      runtime.list().stream().filter(name -> name.matches(INSTANCE_ID)).forEach(found::add);
      found.addAll(store.ids());
    } catch (IOException e) {
      LOG.warning("cannot list containers: " + e.getMessage());
      return;
    }
    for (String id : found) {
      if (!wanted.contains(id) && !supervisors.containsKey(id)) {
        InstanceSupervisor orphan = InstanceSupervisor.adopt(id, context);
        supervisors.put(id, orphan);
        retire(orphan);
      }
    }
  }

  private static InstanceReport placeholder(String id, String message) {
    return new InstanceReport(id, InstancePhase.STARTING, message, null, 0, Map.of());
  }
}

package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.report.InstancePhase;
import org.mecconpaas.agent.report.InstanceReport;
import org.mecconpaas.agent.report.ScriptReport;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.state.AtomicFiles;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.InstanceStateStore;
import org.mecconpaas.agent.state.Script;
import org.mecconpaas.agent.state.ScriptRecord;
import org.mecconpaas.catalog.RoleFiles;

/**
 * Applies plans for one instance and keeps its state: the running script processes, the persisted
 * {@link InstanceState} and the last message. Only the reconciler thread calls it; slow work
 * (downloads, removal) runs on the job executor and is picked up by a later pass.
 */
final class InstanceSupervisor {
  private static final Logger LOG = Logger.getLogger(InstanceSupervisor.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final String id;
  private final Context context;
  private final ScriptLauncher launcher;
  private final ContainerWatch container;
  private final Map<Script, ScriptProcess> processes = new EnumMap<>(Script.class);
  private DesiredInstance desired;
  private InstanceState state;
  private InstanceState saved;
  private CompletableFuture<InstallOutcome> install;
  private String notice;
  private final Backoff backoff = new Backoff(1_000, 30_000);
  // catalog roles only: start.sh is restarted when it exits, after a growing pause
  private final Backoff roleRestarts = new Backoff(1_000, 30_000);
  private final RoleHealth health;
  private final InstanceMetrics metrics;
  private boolean roleFilesInstalled;
  private boolean restartPlanned;

  /** What every supervisor shares. */
  record Context(
      ContainerRuntime runtime,
      InstanceStateStore store,
      CodeInstaller installer,
      Executor jobs,
      Runnable wake,
      String nodeAddress,
      Map<String, String> roleEnvironment) {}

  private InstanceSupervisor(String id, Context context, InstanceState state) {
    this.id = id;
    this.context = context;
    this.launcher =
        new ScriptLauncher(
            id,
            context.runtime(),
            context.store(),
            context.nodeAddress(),
            context.roleEnvironment());
    this.container = new ContainerWatch(id, context.runtime());
    this.health =
        new RoleHealth(
            id, context.runtime(), context.store().dir(id).resolve("health.log"), context.wake());
    this.metrics =
        new InstanceMetrics(
            id, context.runtime(), context.store().dir(id).resolve("metrics.out"), context.wake());
    this.state = state;
    this.saved = state;
  }

  /**
   * Loads the instance's state and adopts the scripts a previous agent left running; scripts that
   * ended meanwhile get the exit code their wrapper recorded.
   */
  static InstanceSupervisor adopt(String id, Context context) {
    InstanceState loaded;
    try {
      loaded = context.store().load(id);
    } catch (IOException e) {
      LOG.warning(id + ": local state unreadable, starting afresh: " + e.getMessage());
      loaded = InstanceState.INITIAL;
    }
    InstanceSupervisor supervisor = new InstanceSupervisor(id, context, loaded);
    loaded.scripts().forEach(supervisor::adoptScript);
    return supervisor;
  }

  private void adoptScript(Script script, ScriptRecord record) {
    if (!record.running()) {
      return;
    }
    if (ProcessGroups.isSameProcess(record.pid(), record.startedAtMillis())) {
      ScriptProcess process =
          ScriptProcess.adopted(
              record.pid(), record.startedAtMillis(), launcher.statusFile(script));
      processes.put(script, process);
      process.onExit().thenRun(context.wake());
      LOG.info(id + ": adopted running " + script.fileName() + " (pid " + record.pid() + ")");
    }
    // otherwise pollScripts() records the exit on the first pass
  }

  String id() {
    return id;
  }

  /** A download is in flight; removal waits for it. */
  boolean busy() {
    return install != null && !install.isDone();
  }

  /** One pass: observe, plan, apply, persist. */
  void reconcile(DesiredInstance wanted, long nowMillis) {
    desired = wanted;
    pollScripts();
    pollInstall();
    if (backoff.waiting(nowMillis)) {
      saveIfChanged();
      return;
    }
    boolean containerReady = container.ready(desired.containerSpec(), nowMillis);
    List<Step> plan =
        isRole()
            ? RolePlanner.plan(
                desired,
                state,
                new LiveFacts(
                    containerReady,
                    install != null,
                    roleFilesInstalled,
                    !roleRestarts.waiting(nowMillis),
                    roleEnvCurrent()))
            : InstancePlanner.plan(desired, state, new LiveFacts(containerReady, install != null));
    for (Step step : plan) {
      if (!apply(step, nowMillis)) {
        break;
      }
    }
    checkRoleHealth(nowMillis);
    if (container.ensured()) {
      metrics.sampleContainer(nowMillis);
    }
    saveIfChanged();
  }

  private boolean isRole() {
    return desired != null && ScriptLauncher.isRole(desired);
  }

  private void checkRoleHealth(long nowMillis) {
    if (!isRole() || !state.isRunning(Script.START)) {
      health.reset();
      metrics.stopRole();
      return;
    }
    Map<String, String> env = launcher.environment(desired, RolePlanner.servedVersion(state));
    if (Files.isRegularFile(roleDir().resolve(RoleHealth.SCRIPT))) {
      health.poll(RoleLayout.ROLE_DIR + "/" + RoleHealth.SCRIPT, env, nowMillis);
    }
    if (Files.isRegularFile(roleDir().resolve(InstanceMetrics.SCRIPT))) {
      metrics.pollRole(RoleLayout.ROLE_DIR + "/" + InstanceMetrics.SCRIPT, env, nowMillis);
    }
  }

  /** A role without health.sh serves while its start.sh runs. */
  private boolean roleServes() {
    return state.isRunning(Script.START)
        && (health.healthy() || !Files.isRegularFile(roleDir().resolve(RoleHealth.SCRIPT)));
  }

  private Path roleDir() {
    return RoleLayout.roleDir(context.runtime().workDir(id));
  }

  private boolean apply(Step step, long nowMillis) {
    try {
      if (step instanceof Step.EnsureContainer) {
        container.ensure(desired.containerSpec(), nowMillis);
      } else if (step instanceof Step.ClearFailure) {
        state = state.withFailure(null);
        notice = null;
      } else if (step instanceof Step.FetchCode fetch) {
        startInstall(fetch);
        return false;
      } else if (step instanceof Step.RunInit init) {
        runInit(init.codeVersion());
      } else if (step instanceof Step.Notify notify) {
        notifyMembership(notify.generation());
      } else if (step instanceof Step.StartScript start) {
        startCommand(start.script(), start.seq());
      } else if (step instanceof Step.Refuse refuse) {
        state = state.withHandled(state.handled().with(refuse.script(), refuse.seq()));
        notice = refuse.reason();
        LOG.info(id + ": " + refuse.reason());
      } else if (step instanceof Step.KillScripts kill) {
        killScripts(kill.interruptSeq());
      } else if (step instanceof Step.InstallRoleFiles) {
        installRoleFiles();
      } else if (step instanceof Step.StartRole startRole) {
        // start.sh reads the members itself: give it the current ones
        launcher.writeAgentsJson(desired.membership());
        state = state.withNotified(desired.membership().generation());
        start(Script.START, startRole.codeVersion(), startRole.codeVersion());
        AtomicFiles.write(startedEnvFile(), envDigest().getBytes(StandardCharsets.US_ASCII));
        notice = null;
      } else if (step instanceof Step.SwitchCode switchCode) {
        switchCode(switchCode.codeVersion());
      } else if (step instanceof Step.RestartRole) {
        restartRole("the service's settings changed");
      }
      backoff.succeeded();
      return true;
    } catch (IOException e) {
      notice = describe(step) + " failed: " + e.getMessage();
      LOG.warning(id + ": " + notice);
      backoff.failed(nowMillis);
      return false;
    }
  }

  private void startInstall(Step.FetchCode fetch) {
    List<Long> oldScripts = runningGroups();
    Path download = context.store().dir(id).resolve("bundle.download");
    Path workDir = context.runtime().workDir(id);
    LOG.info(id + ": installing code version " + fetch.code().version());
    boolean role = isRole();
    int served = state.initDoneVersion();
    install =
        CompletableFuture.supplyAsync(
            () ->
                role
                    ? context
                        .installer()
                        .installVersion(
                            fetch.code(), download, RoleLayout.codeRoot(workDir), served)
                    : context.installer().install(fetch.code(), download, workDir, oldScripts),
            context.jobs());
    install.whenComplete((outcome, error) -> context.wake().run());
  }

  private void pollInstall() {
    if (install == null || !install.isDone()) {
      return;
    }
    InstallOutcome outcome;
    try {
      outcome = install.join();
    } catch (RuntimeException e) {
      outcome = new InstallOutcome.Retry(String.valueOf(e.getMessage()));
    }
    install = null;
    if (outcome instanceof InstallOutcome.Installed done) {
      state = state.withCode(done.version(), done.sha256());
      if (!isRole()) {
        // new code needs its own init.sh: -1 is "no version initialised"; a role keeps its last
        // good version here, as it serves it until the new one is initialised
        state = state.withInitDone(-1);
      }
      notice = null;
      backoff.succeeded();
      LOG.info(id + ": code version " + done.version() + " unpacked");
    } else if (outcome instanceof InstallOutcome.Rejected rejected) {
      state = state.withFailure(new InstanceState.Failure(desiredCodeKey(), rejected.message()));
      LOG.warning(id + ": FAILED: " + rejected.message());
    } else if (outcome instanceof InstallOutcome.Retry retry) {
      notice = "code download failed, will retry: " + retry.message();
      LOG.warning(id + ": " + notice);
      backoff.failed(System.nanoTime() / 1_000_000);
    }
  }

  private void runInit(int version) throws IOException {
    if (!state.isRunning(Script.START)) {
      // a serving role hears of membership changes through notify.sh, not through a new version
      launcher.writeAgentsJson(desired.membership());
      state = state.withNotified(desired.membership().generation());
    }
    if (launcher.has(Script.INIT, desired)) {
      start(Script.INIT, version);
    } else {
      state = state.withInitDone(version);
    }
  }

  private void notifyMembership(long generation) throws IOException {
    launcher.writeAgentsJson(desired.membership());
    state = state.withNotified(generation);
    if (launcher.has(Script.NOTIFY, desired)) {
      start(Script.NOTIFY, generation);
    }
  }

  private void startCommand(Script script, long seq) throws IOException {
    state = state.withHandled(state.handled().with(script, seq));
    if (!launcher.has(script, desired)) {
      notice = script.key() + " ignored: no " + script.fileName() + " in the bundle";
      LOG.info(id + ": " + notice);
      return;
    }
    if (script == Script.INTERRUPT) {
      // remembered so that the next interrupt kills instead of asking again
      state
          .scripts()
          .forEach(
              (s, record) -> {
                if (record.running()) {
                  state = state.withScript(s, record.markInterrupted());
                }
              });
    }
    start(script, seq);
    notice = null;
  }

  private void killScripts(long interruptSeq) {
    state = state.withHandled(state.handled().with(Script.INTERRUPT, interruptSeq));
    List<String> killed = new ArrayList<>();
    state
        .scripts()
        .forEach(
            (script, record) -> {
              if (record.running()) {
                ProcessGroups.signal(record.pid(), "KILL");
                killed.add(script.fileName());
              }
            });
    notice = "interrupt: killed " + String.join(", ", killed);
    LOG.info(id + ": " + notice);
  }

  /**
   * Replaces the role's scripts with the catalog's (those of this agent's build): beside the old
   * ones first, then swapped, as a running shell reads its script while it runs.
   */
  private void installRoleFiles() throws IOException {
    Path roleDir = roleDir();
    Path fresh = roleDir.resolveSibling(RoleLayout.ROLE_DIR + ".new");
    Path old = roleDir.resolveSibling(RoleLayout.ROLE_DIR + ".old");
    org.mecconpaas.agent.state.FileTrees.delete(fresh);
    org.mecconpaas.agent.state.FileTrees.delete(old);
    RoleFiles.of(desired.type(), desired.role())
        .orElseThrow(
            () ->
                new IOException(
                    "this agent has no runner for role "
                        + desired.role()
                        + " of "
                        + desired.type()))
        .copyTo(fresh);
    if (Files.exists(roleDir)) {
      Files.move(roleDir, old);
    }
    Files.move(fresh, roleDir);
    org.mecconpaas.agent.state.FileTrees.delete(old);
    roleFilesInstalled = true;
  }

  /** switch.sh makes the running role serve the version; without it, start.sh restarts with it. */
  private void switchCode(int version) throws IOException {
    if (launcher.has(Script.SWITCH, desired)) {
      start(Script.SWITCH, version, version);
      return;
    }
    restartRole("code version " + version);
  }

  /** Stops start.sh; the next pass starts it again at once (no back-off: this is planned). */
  private void restartRole(String why) {
    state.script(Script.START).ifPresent(record -> ProcessGroups.signal(record.pid(), "TERM"));
    restartPlanned = true;
    notice = "restarting start.sh for " + why;
    LOG.info(id + ": " + notice);
  }

  private Path startedEnvFile() {
    return context.store().dir(id).resolve("start-env.sha256");
  }

  /** The desired environment of the role, as one digest (settings are part of it). */
  private String envDigest() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      new java.util.TreeMap<>(desired.env())
          .forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the running start.sh saw the desired environment; an unknown one counts as seen. */
  private boolean roleEnvCurrent() {
    if (!state.isRunning(Script.START)) {
      return true;
    }
    try {
      return envDigest().equals(Files.readString(startedEnvFile(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return true; // started by an agent before this one wrote digests: leave it running
    }
  }

  private void start(Script script, long seq) throws IOException {
    start(script, seq, desired.codeVersion());
  }

  private void start(Script script, long seq, int codeVersion) throws IOException {
    ScriptProcess process = launcher.start(script, desired, codeVersion);
    processes.put(script, process);
    state =
        state.withScript(
            script, ScriptRecord.started(seq, process.pid(), process.startedAtMillis()));
    saveIfChanged(); // the PID must be on disk before anything can crash
    process.onExit().thenRun(context.wake());
    LOG.info(id + ": started " + script.fileName() + " (" + seq + ", pid " + process.pid() + ")");
  }

  /** Records scripts that ended, and what their end means (init.sh decides the instance's fate). */
  private void pollScripts() {
    for (Map.Entry<Script, ScriptRecord> entry : List.copyOf(state.scripts().entrySet())) {
      Script script = entry.getKey();
      ScriptRecord record = entry.getValue();
      ScriptProcess process = processes.get(script);
      if (!record.running() || (process != null && process.isAlive())) {
        continue;
      }
      Integer code =
          process != null
              ? process.exitCode()
              : ScriptProcess.readStatus(launcher.statusFile(script));
      processes.remove(script);
      state = state.withScript(script, record.exited(code));
      LOG.info(
          id
              + ": "
              + script.fileName()
              + " exited with "
              + (code == null ? "unknown status" : code));
      if (script == Script.INIT && record.seq() == state.codeVersion()) {
        initEnded(record.seq(), code);
      } else if (script == Script.START) {
        roleStopped(code);
      } else if (script == Script.SWITCH) {
        switchEnded(record.seq(), code);
      }
    }
  }

  /** start.sh ended: it starts again, at once when a switch asked for it, else after a pause. */
  private void roleStopped(Integer code) {
    health.reset();
    long now = System.nanoTime() / 1_000_000;
    if (restartPlanned) {
      restartPlanned = false;
      roleRestarts.succeeded();
      return;
    }
    roleRestarts.failed(now);
    notice =
        "start.sh exited with "
            + (code == null ? "unknown status" : code)
            + lastErrorLine().map(line -> " (" + line + ")").orElse("")
            + "; restarting in "
            + roleRestarts.delayMillis() / 1000
            + " s";
    LOG.warning(id + ": " + notice);
  }

  /** The last line the instance wrote to stderr, for a message that says why it stopped. */
  private java.util.Optional<String> lastErrorLine() {
    try (java.io.RandomAccessFile file =
        new java.io.RandomAccessFile(context.store().stderr(id).toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, 2048);
      byte[] tail = new byte[size];
      file.seek(length - size);
      file.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
      String last = lines[lines.length - 1].strip();
      return last.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(last.length() > 300 ? last.substring(0, 300) : last);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private void switchEnded(long version, Integer code) {
    if (code != null && code == 0) {
      state
          .script(Script.START)
          .filter(ScriptRecord::running)
          .ifPresent(start -> state = state.withScript(Script.START, start.withSeq(version)));
      LOG.info(id + ": serving code version " + version);
    } else {
      String message = "switch.sh exited with " + (code == null ? "unknown status" : code);
      state = state.withFailure(new InstanceState.Failure(unpackedCodeKey(), message));
      LOG.warning(id + ": FAILED: " + message + "; still serving the previous version");
    }
  }

  private void initEnded(long version, Integer code) {
    if (code == null) {
      // killed with the agent or the node: its outcome is unknown, so it runs again
      LOG.warning(id + ": init.sh ended without a status; it will run again");
    } else if (code == 0) {
      state = state.withInitDone((int) version);
    } else {
      String message = "init.sh exited with " + code;
      state = state.withFailure(new InstanceState.Failure(unpackedCodeKey(), message));
      LOG.warning(id + ": FAILED: " + message);
    }
  }

  /** Stops everything and deletes the container and the instance's files. Runs on a job thread. */
  void retire() throws IOException {
    health.reset();
    metrics.stopRole();
    ProcessGroups.terminate(runningGroups(), STOP_GRACE);
    context.runtime().remove(id);
    context.store().delete(id);
    LOG.info(id + ": removed");
  }

  InstanceReport report() {
    Map<Script, ScriptReport> scripts = new EnumMap<>(Script.class);
    state.scripts().forEach((script, record) -> scripts.put(script, ScriptReport.of(record)));
    return new InstanceReport(
        id,
        phase(),
        state.failure() != null ? state.failure().message() : notice,
        state.codeSha256() == null ? null : state.codeVersion(),
        state.notifiedGeneration(),
        scripts,
        launcher.ownAddress().orElse(null),
        metrics.figures());
  }

  private InstancePhase phase() {
    if (state.failure() != null) {
      return InstancePhase.FAILED;
    }
    if (container.broken()) {
      return InstancePhase.STOPPED;
    }
    if (isRole()) {
      boolean current = RolePlanner.servedVersion(state) == desired.codeVersion();
      return current && roleServes() && container.ensured()
          ? InstancePhase.RUNNING
          : InstancePhase.STARTING;
    }
    boolean codeReady =
        desired == null || desired.code() == null || desiredCodeKey().equals(unpackedCodeKey());
    boolean initDone = desired != null && state.initDoneVersion() == desired.codeVersion();
    return install == null && codeReady && initDone && container.ensured()
        ? InstancePhase.RUNNING
        : InstancePhase.STARTING;
  }

  private List<Long> runningGroups() {
    return state.scripts().values().stream()
        .filter(ScriptRecord::running)
        .map(ScriptRecord::pid)
        .toList();
  }

  private String desiredCodeKey() {
    return desired.code() == null ? "none" : desired.code().key();
  }

  private String unpackedCodeKey() {
    return state.codeSha256() == null ? "none" : state.codeVersion() + ":" + state.codeSha256();
  }

  private void saveIfChanged() {
    if (state.equals(saved)) {
      return;
    }
    try {
      context.store().save(id, state);
      saved = state;
    } catch (IOException e) {
      LOG.log(Level.WARNING, id + ": cannot save state: " + e.getMessage());
    }
  }

  private static String describe(Step step) {
    if (step instanceof Step.EnsureContainer) {
      return "container";
    } else if (step instanceof Step.RunInit) {
      return "init.sh";
    } else if (step instanceof Step.Notify) {
      return "notify.sh";
    } else if (step instanceof Step.StartScript start) {
      return start.script().fileName();
    }
    return step.getClass().getSimpleName();
  }
}

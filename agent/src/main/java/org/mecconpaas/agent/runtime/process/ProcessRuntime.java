package org.mecconpaas.agent.runtime.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ContainerSpec;
import org.mecconpaas.agent.runtime.ContainerUsage;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.runtime.ProcessTable;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;
import org.mecconpaas.agent.state.AtomicFiles;
import org.mecconpaas.agent.state.CredentialStore;
import org.mecconpaas.agent.state.FileTrees;

/**
 * A container is the directory {@code <state-dir>/containers/<name>/} (code in {@code bundle/})
 * plus the process groups started in it. There is no main process, so a container "runs" while its
 * directory exists; the processes it started are recorded in {@code pids} so {@link #remove} finds
 * them after an agent restart.
 */
public final class ProcessRuntime implements ContainerRuntime {
  private static final Logger LOG = Logger.getLogger(ProcessRuntime.class.getName());
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final String MARKER = "container.properties";
  private static final String DEFAULT_PATH =
      "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin";

  /**
   * Joins both groups before the user's command runs; fails loudly instead of running unconfined.
   */
  private static final String JOIN_CGROUPS =
      "echo $$ > \"$1\" && echo $$ > \"$2\" || { echo \"mec-agent: cannot join cgroup $1\" >&2;"
          + " exit 125; }; shift 2; exec \"$@\"";

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private final ProcessTable processes = new ProcessTable();
  private static final long PIDS_FILE_PRUNE_BYTES = 16 * 1024;

  private static final java.util.concurrent.atomic.AtomicBoolean SAID_NO_LIMITS =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final Path containers;
  private final Supplier<String> nodeName;
  private final Optional<CgroupV1> cgroups;

  public ProcessRuntime(Path stateDir) {
    this(stateDir, CgroupV1.detect(Path.of("/sys/fs/cgroup")));
  }

  ProcessRuntime(Path stateDir, Optional<CgroupV1> cgroups) {
    this.containers = stateDir.resolve("containers");
    // the node is named at enrollment, which may happen after this runtime was made
    CredentialStore credentials = new CredentialStore(stateDir);
    this.nodeName = () -> credentials.nodeName().orElse("unenrolled");
    this.cgroups = cgroups;
    if (cgroups.isEmpty() && !SAID_NO_LIMITS.getAndSet(true)) {
      LOG.info(
          "process runtime: no cgroup v1 cpu+memory hierarchies usable (needs root and"
              + " /sys/fs/cgroup/{cpu,memory}); instances run without cpu and memory limits");
    }
  }

  @Override
  public String name() {
    return "process";
  }

  @Override
  public void checkAvailable() throws RuntimeUnavailable {
    if (!Files.isExecutable(SETSID)) {
      throw new RuntimeUnavailable(
          "runtime 'process' needs " + SETSID + " (Debian package util-linux); install it");
    }
  }

  @Override
  public void ensure(ContainerSpec spec) throws IOException {
    Path dir = containers.resolve(checkedName(spec.name()));
    Files.createDirectories(dir.resolve("bundle"));
    String marker = "cpuMillis=" + spec.cpuMillis() + "\nmemoryMiB=" + spec.memoryMiB() + "\n";
    Path markerFile = dir.resolve(MARKER);
    if (!Files.exists(markerFile) || !Files.readString(markerFile).equals(marker)) {
      Files.writeString(markerFile, marker);
    }
    if (cgroups.isPresent()) {
      cgroups.get().apply(nodeName.get(), spec.name(), spec.cpuMillis(), spec.memoryMiB());
    }
  }

  @Override
  public Set<String> list() throws IOException {
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(containers)) {
      try (Stream<Path> dirs = Files.list(containers)) {
        dirs.filter(d -> Files.exists(d.resolve(MARKER)))
            .forEach(d -> names.add(d.getFileName().toString()));
      }
    }
    return names;
  }

  @Override
  public boolean isRunning(String name) {
    return Files.exists(containers.resolve(checkedName(name)).resolve(MARKER));
  }

  @Override
  public Path workDir(String name) {
    return containers.resolve(checkedName(name)).resolve("bundle");
  }

  @Override
  public Process exec(
      String name, List<String> command, Map<String, String> environment, Path stdout, Path stderr)
      throws IOException {
    if (!isRunning(name)) {
      throw new IOException("container " + name + " does not exist");
    }
    List<String> argv = new ArrayList<>();
    if (cgroups.isPresent()) {
      argv.addAll(List.of("/bin/sh", "-c", JOIN_CGROUPS, "mec-cgroup-join"));
      cgroups.get().procsFiles(nodeName.get(), name).forEach(p -> argv.add(p.toString()));
    }
    argv.add(SETSID.toString()); // a new session, so the command leads its own process group
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir(name).toFile());
    builder.environment().clear();
    builder
        .environment()
        .put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse(DEFAULT_PATH));
    builder.environment().put("HOME", workDir(name).toString());
    builder.environment().putAll(environment);
    builder
        .redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
    Process process = builder.start();
    recordGroup(name, process.pid());
    return process;
  }

  @Override
  public void remove(String name) throws IOException {
    Path dir = containers.resolve(checkedName(name));
    Set<Long> groups = new LinkedHashSet<>(recordedGroups(dir));
    cgroups.ifPresent(c -> groups.addAll(c.pids(nodeName.get(), name)));
    if (!ProcessGroups.terminate(groups, STOP_GRACE)) {
      LOG.warning("container " + name + ": some processes survived SIGKILL");
    }
    if (cgroups.isPresent()) {
      releaseCgroups(name);
    }
    FileTrees.delete(dir);
  }

  /**
   * Kills what is left in the container's cgroups and deletes them. A killed process stays in its
   * cgroup until its parent reaps it (for orphans: init, which may take a moment), and a cgroup
   * with members cannot be removed, so this waits for the cgroups to empty.
   */
  private void releaseCgroups(String name) throws IOException {
    CgroupV1 groups = cgroups.orElseThrow();
    String node = nodeName.get();
    // a process that called setsid itself left our process groups, but not the cgroups
    groups.pids(node, name).forEach(pid -> ProcessGroups.signalProcess(pid, "KILL"));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!groups.pids(node, name).isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while removing " + name, e);
      }
    }
    groups.delete(node, name); // still busy: IOException, and the removal is retried
  }

  @Override
  public Optional<ContainerUsage> usage(String name) throws IOException {
    Path dir = containers.resolve(checkedName(name));
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    if (cgroups.isPresent()) {
      // the container's cgroups hold every process it started, whichever group or session
      return Optional.of(processes.usageOfProcesses(cgroups.get().pids(nodeName.get(), name)));
    }
    return Optional.of(processes.usage(recordedGroups(dir)));
  }

  private void recordGroup(String name, long pid) throws IOException {
    Path pids = containers.resolve(name).resolve("pids");
    String line = pid + " " + ProcessGroups.startTime(pid) + " " + ProcessGroups.bootId() + "\n";
    Files.writeString(
        pids,
        line,
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    if (Files.size(pids) > PIDS_FILE_PRUNE_BYTES) {
      // a long-lived container starts many scripts: keep only groups that may still be alive
      StringBuilder live = new StringBuilder();
      for (long group : recordedGroups(containers.resolve(name))) {
        live.append(group)
            .append(' ')
            .append(ProcessGroups.startTime(group))
            .append(' ')
            .append(ProcessGroups.bootId())
            .append('\n');
      }
      AtomicFiles.write(pids, live.toString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * Recorded groups that may still hold our processes. A group whose leader exited still counts
   * while members are left, but only within the same boot: after a reboot the PIDs mean nothing.
   */
  private static List<Long> recordedGroups(Path dir) throws IOException {
    Path pids = dir.resolve("pids");
    if (!Files.exists(pids)) {
      return List.of();
    }
    String bootId = ProcessGroups.bootId();
    List<Long> groups = new ArrayList<>();
    for (String line : Files.readAllLines(pids, StandardCharsets.US_ASCII)) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 3 && fields[2].equals(bootId)) {
        long pid = Long.parseLong(fields[0]);
        if (ProcessGroups.isSameProcess(pid, Long.parseLong(fields[1]))
            || ProcessGroups.alive(pid)) {
          groups.add(pid);
        }
      }
    }
    return groups;
  }

  private static String checkedName(String name) {
    if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException("container name '" + name + "' is not a DNS label");
    }
    return name;
  }
}

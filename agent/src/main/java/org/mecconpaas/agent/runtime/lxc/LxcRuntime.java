package org.mecconpaas.agent.runtime.lxc;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ContainerSpec;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;

/**
 * Privileged LXC containers (Debian's {@code lxc} package, run as root), each an overlay snapshot
 * of the machine's base container {@code mec-base}.
 *
 * <ul>
 *   <li>Containers live in the agent's own lxcpath {@code STATE/lxc}, so {@link #list} sees only
 *       this agent's containers even when several agents share a machine (the emulated edge).
 *   <li>Network: one veth on the bridge {@link LxcOptions#bridge()} of the agent's network
 *       namespace, a static address from {@link #address} (no gateway: the subnet only).
 *   <li>Limits: CFS quota and memory limit from the {@link ContainerSpec} (cgroup v1 keys, or v2
 *       keys on a unified-only host).
 *   <li>{@link #workDir} is {@code STATE/lxc/NAME/bundle} on the host, bind-mounted read-write at
 *       {@link #BUNDLE_DIR} in the container: a plain directory for the agent to unpack into (never
 *       the overlay's upper dir, which must not be written while it is mounted).
 *   <li>The agent's JDK is bind-mounted read-only at its own path; {@code JAVA_HOME} and {@code
 *       PATH} point at it. JVMs in LXC do not see the container's limits here (see the notes): pass
 *       {@code -Xmx} and {@code -XX:ActiveProcessorCount} explicitly.
 * </ul>
 *
 * <p>All LXC commands talk to a container's monitor over an abstract socket, which belongs to a
 * network namespace: manage a container from the namespace it was started in.
 */
public final class LxcRuntime implements ContainerRuntime {

  /** Where the bundle is inside every container (bind mount of {@link #workDir}). */
  public static final String BUNDLE_DIR = "/srv/mec/bundle";

  public static final String PACKAGES = "lxc lxc-templates debootstrap rsync";
  public static final String INSTALL = "apt-get install -y --no-install-recommends " + PACKAGES;

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final String CONFIGURED_MARKER = "mec-configured";
  private static final Duration SHORT = Duration.ofMinutes(2);

  private final Path lxcPath;
  private final LxcOptions options;
  private final CommandRunner runner;
  private final AddressPool pool;
  private final LxcBase base;

  /** Removes LXC's cgroup leftovers of a container; replaced by a no-op in unit tests. */
  Consumer<String> cgroupCleanup = CgroupLeftovers::remove;

  /** The runtime of an agent whose state is in {@code stateDir}, with {@link LxcOptions#load}. */
  public LxcRuntime(Path stateDir) {
    this(stateDir, LxcOptions.load(stateDir), CommandRunner.system());
  }

  public LxcRuntime(Path stateDir, LxcOptions options, CommandRunner runner) {
    this.lxcPath = stateDir.toAbsolutePath().resolve("lxc");
    this.options = options;
    this.runner = runner;
    this.pool = new AddressPool(options.firstAddress(), options.lastAddress());
    this.base = new LxcBase(runner, options);
  }

  @Override
  public String name() {
    return "lxc";
  }

  /** This agent's lxcpath ({@code lxc-ls -P} it to see the containers by hand). */
  public Path lxcPath() {
    return lxcPath;
  }

  public LxcOptions options() {
    return options;
  }

  @Override
  public void checkAvailable() throws RuntimeUnavailable {
    List<String> missing = missingPrerequisites();
    if (!missing.isEmpty()) {
      throw new RuntimeUnavailable(
          "the lxc runtime needs root and the Debian lxc package: "
              + INSTALL
              + "; use --runtime process otherwise (missing: "
              + String.join(", ", missing)
              + ")");
    }
    try {
      if (!runner.run(List.of("ip", "link", "show", "dev", options.bridge()), SHORT).ok()) {
        throw new RuntimeUnavailable(
            "the lxc runtime attaches containers to the bridge "
                + options.bridge()
                + ", which does not exist in this network namespace: create it (ip link add "
                + options.bridge()
                + " type bridge, give it the node's address, enslave the LAN port) or set"
                + " bridge= in "
                + LxcOptions.FILE_NAME
                + " in the state directory; use --runtime process otherwise");
      }
    } catch (IOException e) {
      throw new RuntimeUnavailable("cannot check the bridge " + options.bridge() + ": " + e);
    }
  }

  List<String> missingPrerequisites() {
    return HostChecks.missingForLxc(base.isReady());
  }

  /** Makes sure the base container exists (about a minute the first time); returns the time. */
  public Duration prepareBase() throws IOException {
    return base.ensure();
  }

  @Override
  public synchronized void ensure(ContainerSpec spec) throws IOException {
    String name = checkName(spec.name());
    if (!isConfigured(name)) {
      if (Files.exists(lxcPath.resolve(name))) {
        remove(name); // half made by a crash: start over
      }
      create(spec);
    }
    if (!isRunning(name)) {
      start(name);
    }
  }

  private void create(ContainerSpec spec) throws IOException {
    String name = spec.name();
    base.ensure();
    Files.createDirectories(lxcPath);
    String address = address(name);
    runner.check(cloneCommand(name), SHORT);
    Path dir = lxcPath.resolve(name);
    Files.createDirectories(workDir(name));
    LxcContainerConfig config =
        new LxcContainerConfig(
            name,
            options.bridge(),
            address,
            options.prefixLength(),
            spec.cpuMillis(),
            spec.memoryMiB(),
            cgroupV2(),
            options.nestCgroups(),
            workDir(name),
            jdkMounts(),
            dir.resolve("lxc.log"));
    Path file = dir.resolve("config");
    Files.writeString(file, config.rewrite(Files.readString(file)));
    Files.writeString(dir.resolve(CONFIGURED_MARKER), address + "\n");
  }

  List<String> cloneCommand(String name) {
    return List.of(
        "lxc-copy",
        "-P",
        options.basePath().toString(),
        "-n",
        options.baseName(),
        "-p",
        lxcPath.toString(),
        "-N",
        name,
        "-s",
        "-B",
        "overlayfs");
  }

  private void start(String name) throws IOException {
    String p = lxcPath.toString();
    CommandRunner.Result started =
        runner.run(List.of("lxc-start", "-P", p, "-n", name, "-d"), SHORT);
    if (!started.ok()) {
      throw new IOException(
          "lxc-start " + name + " failed: " + started.output().strip() + logTail(name));
    }
    runner.check(List.of("lxc-wait", "-P", p, "-n", name, "-s", "RUNNING", "-t", "30"), SHORT);
  }

  private String logTail(String name) {
    Path log = lxcPath.resolve(name).resolve("lxc.log");
    try {
      List<String> lines = Files.readAllLines(log);
      return "; "
          + log
          + ": "
          + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public Set<String> list() throws IOException {
    if (!Files.isDirectory(lxcPath)) {
      return Set.of();
    }
    String out = runner.check(List.of("lxc-ls", "-P", lxcPath.toString(), "-1"), SHORT);
    Set<String> names = new TreeSet<>();
    for (String line : out.split("\\s+")) {
      if (!line.isBlank()) {
        names.add(line.strip());
      }
    }
    return names;
  }

  @Override
  public boolean isRunning(String name) throws IOException {
    if (!Files.exists(lxcPath.resolve(checkName(name)).resolve("config"))) {
      return false;
    }
    CommandRunner.Result state =
        runner.run(List.of("lxc-info", "-P", lxcPath.toString(), "-n", name, "-s", "-H"), SHORT);
    return state.ok() && state.output().strip().equals("RUNNING");
  }

  @Override
  public Path workDir(String name) {
    return lxcPath.resolve(checkName(name)).resolve("bundle");
  }

  @Override
  public String workDirInside(String name) {
    return BUNDLE_DIR;
  }

  @Override
  public Process exec(
      String name, List<String> command, Map<String, String> environment, Path stdout, Path stderr)
      throws IOException {
    return new ProcessBuilder(execCommand(name, command, environment))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
        .start();
  }

  /**
   * {@code setsid lxc-attach ... -- sh -c 'cd BUNDLE_DIR && exec "$@"' sh COMMAND}. The host-side
   * {@code setsid} makes {@code lxc-attach} a process group leader, and the attached command stays
   * in that group (no {@code setsid} inside, which would start a new group the agent could not
   * reach): killing the group from the host kills the command and its children.
   */
  List<String> execCommand(String name, List<String> command, Map<String, String> environment) {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of("setsid", "lxc-attach", "-P", lxcPath.toString(), "-n", checkName(name)));
    cmd.add("--clear-env");
    Map<String, String> env = new LinkedHashMap<>(defaultEnvironment());
    env.putAll(environment);
    env.forEach(
        (key, value) -> {
          cmd.add("-v");
          cmd.add(key + "=" + value);
        });
    cmd.addAll(List.of("--", "sh", "-c", "cd " + BUNDLE_DIR + " && exec \"$@\"", "sh"));
    cmd.addAll(command);
    return cmd;
  }

  Map<String, String> defaultEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", HostChecks.DEFAULT_PATH);
    if (options.shareJdk()) {
      env.put("JAVA_HOME", SharedJdk.home().toString());
      env.put("PATH", SharedJdk.home().resolve("bin") + ":" + HostChecks.DEFAULT_PATH);
    }
    env.put("HOME", "/root");
    env.put("LANG", "C.UTF-8");
    return env;
  }

  @Override
  public synchronized void remove(String name) throws IOException {
    Path dir = lxcPath.resolve(checkName(name));
    String p = lxcPath.toString();
    if (Files.exists(dir.resolve("config"))) {
      runner.run(List.of("lxc-stop", "-P", p, "-n", name, "-k"), SHORT); // fails when stopped
      CommandRunner.Result destroyed =
          runner.run(List.of("lxc-destroy", "-P", p, "-n", name), SHORT);
      if (!destroyed.ok() && isRunning(name)) {
        throw new IOException(
            "cannot remove container " + name + ": " + destroyed.output().strip());
      }
    }
    deleteTree(dir);
    cgroupCleanup.accept(name);
  }

  /**
   * The container's address: the one in its config once it exists, else the one {@link #ensure}
   * would give it now (from the name, see {@link AddressPool}). The agent reports it as the
   * instance's {@code MY_IP}.
   */
  @Override
  public java.util.Optional<String> ownAddress(String name) throws IOException {
    return java.util.Optional.of(address(name));
  }

  public synchronized String address(String name) throws IOException {
    Path config = lxcPath.resolve(checkName(name)).resolve("config");
    if (isConfigured(name)) {
      String address = LxcContainerConfig.addressIn(Files.readString(config));
      if (address != null) {
        return address;
      }
    }
    return pool.allocate(name, takenAddresses(name));
  }

  private Set<String> takenAddresses(String except) throws IOException {
    Set<String> taken = new HashSet<>();
    if (!Files.isDirectory(lxcPath)) {
      return taken;
    }
    try (Stream<Path> dirs = Files.list(lxcPath)) {
      for (Path dir : dirs.toList()) {
        Path config = dir.resolve("config");
        if (!dir.getFileName().toString().equals(except) && Files.isRegularFile(config)) {
          String address = LxcContainerConfig.addressIn(Files.readString(config));
          if (address != null) {
            taken.add(address);
          }
        }
      }
    }
    return taken;
  }

  private boolean isConfigured(String name) {
    return Files.isRegularFile(lxcPath.resolve(name).resolve(CONFIGURED_MARKER));
  }

  private void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir) || !dir.startsWith(lxcPath) || dir.equals(lxcPath)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private boolean cgroupV2() {
    try {
      List<CgroupHierarchy> all = Cgroups.ofSelf();
      return Cgroups.v1(all, "cpu").isEmpty() && all.stream().anyMatch(CgroupHierarchy::isV2);
    } catch (IOException e) {
      return false;
    }
  }

  List<Path> jdkMounts() {
    return options.shareJdk() ? SharedJdk.mounts() : List.of();
  }

  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid container name: " + name);
    }
    return name;
  }
}

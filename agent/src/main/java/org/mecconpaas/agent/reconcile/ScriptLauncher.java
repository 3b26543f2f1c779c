package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.desired.Member;
import org.mecconpaas.agent.desired.Membership;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.state.AtomicFiles;
import org.mecconpaas.agent.state.InstanceStateStore;
import org.mecconpaas.agent.state.Script;

/**
 * Starts one instance's scripts in its container: in the work directory, with the protocol's
 * environment, output appended to the instance's logs, through a wrapper shell that records the
 * exit code in {@code .mec/<script>.exit} so that an agent which restarted meanwhile learns it.
 */
final class ScriptLauncher {
  private static final String STATUS_WRAPPER = "\"$0\"; s=$?; echo $s > \"$1\"; exit $s";
  private static final String STATUS_DIR = ".mec";

  private final String id;
  private final ContainerRuntime runtime;
  private final InstanceStateStore store;
  private final String nodeAddress;
  private final Map<String, String> roleEnvironment;

  /**
   * @param roleEnvironment what the node gives every catalog role besides the instance's own
   *     variables ({@code MEC_MIDDLEWARE}, {@code MEC_JAVA})
   */
  ScriptLauncher(
      String id,
      ContainerRuntime runtime,
      InstanceStateStore store,
      String nodeAddress,
      Map<String, String> roleEnvironment) {
    this.id = id;
    this.runtime = runtime;
    this.store = store;
    this.nodeAddress = nodeAddress;
    this.roleEnvironment = Map.copyOf(roleEnvironment);
  }

  /** Whether the unpacked bundle (generic) or the role's files (catalog role) have this script. */
  boolean has(Script script, DesiredInstance desired) {
    return Files.isRegularFile(runtime.workDir(id).resolve(scriptPath(script, desired)));
  }

  /** Relative to the work directory, which is every script's working directory. */
  private static String scriptPath(Script script, DesiredInstance desired) {
    return isRole(desired) ? RoleLayout.ROLE_DIR + "/" + script.fileName() : script.fileName();
  }

  static boolean isRole(DesiredInstance desired) {
    return !"generic".equals(desired.type());
  }

  ScriptProcess start(Script script, DesiredInstance desired) throws IOException {
    return start(script, desired, desired.codeVersion());
  }

  /**
   * @param codeVersion for a catalog role, the code version the script works on ({@code
   *     MEC_CODE_DIR})
   */
  ScriptProcess start(Script script, DesiredInstance desired, int codeVersion) throws IOException {
    Path status = statusFile(script);
    Files.createDirectories(status.getParent());
    Files.deleteIfExists(status);
    Files.createDirectories(store.dir(id));
    List<String> command =
        List.of(
            "/bin/sh",
            "-c",
            STATUS_WRAPPER,
            "./" + scriptPath(script, desired),
            STATUS_DIR + "/" + status.getFileName());
    Process child =
        runtime.exec(
            id, command, environment(desired, codeVersion), store.stdout(id), store.stderr(id));
    return ScriptProcess.started(child, status);
  }

  Path statusFile(Script script) {
    return runtime.workDir(id).resolve(STATUS_DIR).resolve(script.key() + ".exit");
  }

  /** {@code agents.json} next to the scripts: the membership as {@code [{ip, role, id}]}. */
  void writeAgentsJson(Membership membership) throws IOException {
    Path file = runtime.workDir(id).resolve("agents.json");
    AtomicFiles.write(file, Json.writeBytes(membership.agentsJson()));
  }

  java.util.Optional<String> ownAddress() {
    try {
      return runtime.ownAddress(id);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * The desired env, completed with what the protocol promises every script, and for a catalog role
   * what docs/role-runners.md promises.
   */
  Map<String, String> environment(DesiredInstance desired, int codeVersion) {
    Map<String, String> env = new LinkedHashMap<>(desired.env());
    // a container with an address of its own (lxc) is reached there, whatever the master assumed
    // before its first report
    ownAddress()
        .ifPresentOrElse(ip -> env.put("MY_IP", ip), () -> env.putIfAbsent("MY_IP", nodeAddress));
    env.putIfAbsent("MY_ROLE", desired.role());
    env.putIfAbsent("MY_PORT", Integer.toString(desired.port()));
    env.putIfAbsent(
        "MASTER_IP",
        desired.membership().agents().stream()
            .filter(m -> m.role().equals("master"))
            .map(Member::ip)
            .findFirst()
            .orElse(""));
    env.put("MEC_INSTANCE", id);
    if (isRole(desired)) {
      String inside = runtime.workDirInside(id);
      env.putAll(roleEnvironment);
      env.put("MEC_STATE_DIR", inside);
      env.put("MEC_ROLE_DIR", inside + "/" + RoleLayout.ROLE_DIR);
      env.put("MEC_CODE_DIR", RoleLayout.codeDirInside(inside, codeVersion));
      env.put("MEC_CODE_VERSION", Integer.toString(Math.max(codeVersion, 0)));
      env.put("MEC_MEMORY_MIB", Integer.toString(desired.memoryMiB()));
      env.put("MEC_CPU_MILLIS", Integer.toString(desired.cpuMillis()));
    }
    return env;
  }
}

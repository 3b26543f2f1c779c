package org.mecconpaas.agent.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Desired-instance JSON as the master sends it, with the fields tests vary. */
public final class DesiredInstances {
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final Map<String, Object> env = new LinkedHashMap<>();
  private final Map<String, Object> commands = new LinkedHashMap<>();
  private final Map<String, Object> membership = new LinkedHashMap<>();

  private DesiredInstances(String id, int port) {
    json.put("id", id);
    json.put("service", "demo/web");
    json.put("type", "generic");
    json.put("role", "node");
    json.put("cpuMillis", 500);
    json.put("memoryMiB", 128);
    json.put("port", port);
    env.put("MY_ROLE", "node");
    env.put("MY_IP", "127.0.0.1");
    env.put("MY_PORT", Integer.toString(port));
    env.put("MASTER_IP", "127.0.0.9");
    commands.put("run", 1);
    commands.put("interrupt", 0);
    commands.put("cleanup", 0);
    membership.put("generation", 1);
    membership.put(
        "agents", List.of(Map.of("ip", "127.0.0.9", "role", "master", "id", "s1-master-0")));
  }

  public static DesiredInstances instance(String id, int port) {
    return new DesiredInstances(id, port);
  }

  /** Code served at {@code /agent/v1/bundles/1/<version>} with the archive's real digest. */
  public DesiredInstances code(int version, byte[] archive, FakeMaster master) {
    String path = "/agent/v1/bundles/1/" + version + "/" + json.get("id");
    master.serveBundle(path, archive);
    return code(version, Bundles.sha256(archive), path);
  }

  public DesiredInstances code(int version, String sha256, String path) {
    json.put("code", Map.of("version", version, "sha256", sha256, "path", path, "format", "zip"));
    return this;
  }

  /** An instance of a catalog role, run by the role's scripts instead of the bundle's. */
  public DesiredInstances role(String type, String role) {
    json.put("type", type);
    json.put("role", role);
    env.put("MY_ROLE", role);
    commands.put("run", 0);
    return this;
  }

  public DesiredInstances commands(int run, int interrupt, int cleanup) {
    commands.put("run", run);
    commands.put("interrupt", interrupt);
    commands.put("cleanup", cleanup);
    return this;
  }

  public DesiredInstances membership(int generation, List<Map<String, Object>> agents) {
    membership.put("generation", generation);
    membership.put("agents", agents);
    return this;
  }

  public Map<String, Object> json() {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    copy.put("env", new LinkedHashMap<>(env));
    copy.put("commands", new LinkedHashMap<>(commands));
    copy.put("membership", new LinkedHashMap<>(membership));
    return copy;
  }
}

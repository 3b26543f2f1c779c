package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.runtime.ContainerSpec;

/**
 * One instance the node must run.
 *
 * @param code null when the service type takes no code
 */
public record DesiredInstance(
    String id,
    String service,
    String type,
    String role,
    int cpuMillis,
    int memoryMiB,
    int port,
    CodeRef code,
    Map<String, String> env,
    Membership membership,
    Commands commands) {

  public DesiredInstance {
    if (!id.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      // the id becomes a directory, a cgroup and a container name: no path tricks
      throw new IllegalArgumentException("instance id '" + id + "' is not a DNS label");
    }
    env = Map.copyOf(env);
  }

  public static DesiredInstance fromJson(JsonMap json) {
    return new DesiredInstance(
        json.string("id"),
        json.string("service", ""),
        json.string("type", "generic"),
        json.string("role", ""),
        json.intValue("cpuMillis", 0),
        json.intValue("memoryMiB", 0),
        json.intValue("port", 0),
        json.has("code") ? CodeRef.fromJson(json.object("code")) : null,
        withoutNulls(json.stringMap("env")),
        json.has("membership") ? Membership.fromJson(json.object("membership")) : Membership.NONE,
        Commands.fromJson(json.object("commands")));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("service", service);
    json.put("type", type);
    json.put("role", role);
    json.put("cpuMillis", cpuMillis);
    json.put("memoryMiB", memoryMiB);
    json.put("port", port);
    json.put("code", code == null ? null : code.toJson());
    json.put("env", new LinkedHashMap<>(env));
    json.put("membership", membership.toJson());
    json.put("commands", commands.toJson());
    return json;
  }

  public ContainerSpec containerSpec() {
    return new ContainerSpec(id, cpuMillis, memoryMiB);
  }

  /** The code version to have unpacked; 0 when the instance has no code. */
  public int codeVersion() {
    return code == null ? 0 : code.version();
  }

  private static Map<String, String> withoutNulls(Map<String, String> env) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.values().removeIf(java.util.Objects::isNull);
    return copy;
  }
}

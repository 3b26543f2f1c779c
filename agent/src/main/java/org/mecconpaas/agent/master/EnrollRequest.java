package org.mecconpaas.agent.master;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the node tells the master about itself when it enrolls.
 *
 * @param name null when the join token was made for a node name
 * @param latitude null when not configured
 * @param longitude null when not configured
 */
public record EnrollRequest(
    String joinToken,
    String name,
    Double latitude,
    Double longitude,
    int cpuMillis,
    long memoryMiB,
    String address,
    String runtime) {

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("joinToken", joinToken);
    putIfPresent(json, "name", name);
    putIfPresent(json, "latitude", latitude);
    putIfPresent(json, "longitude", longitude);
    json.put("cpuMillis", cpuMillis);
    json.put("memoryMiB", memoryMiB);
    json.put("address", address);
    json.put("runtime", runtime);
    return json;
  }

  @Override
  public String toString() {
    return "EnrollRequest[name=" + name + ", address=" + address + "]"; // no token in logs
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}

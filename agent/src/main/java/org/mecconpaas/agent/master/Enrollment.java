package org.mecconpaas.agent.master;

import org.mecconpaas.agent.json.JsonMap;

/** The master's answer to a successful enrollment. */
public record Enrollment(String node, String credential, long heartbeatIntervalMillis) {

  static Enrollment fromJson(JsonMap json) {
    return new Enrollment(
        json.string("node"),
        json.string("credential"),
        json.longValue("heartbeatIntervalMillis", 2000));
  }

  @Override
  public String toString() {
    return "Enrollment[node=" + node + "]";
  }
}

package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/**
 * One instance of the service as other instances see it, written into {@code agents.json}.
 *
 * @param port the instance's first port ({@code MY_PORT} there); 0 when the master did not say
 */
public record Member(String ip, String role, String id, int port) {

  public static Member fromJson(JsonMap json) {
    return new Member(
        json.string("ip"), json.string("role"), json.string("id"), json.intValue("port", 0));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ip", ip);
    json.put("role", role);
    json.put("id", id);
    json.put("port", port);
    return json;
  }
}

package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/** One instance of the service as other instances see it, written into {@code agents.json}. */
public record Member(String ip, String role, String id) {

  public static Member fromJson(JsonMap json) {
    return new Member(json.string("ip"), json.string("role"), json.string("id"));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ip", ip);
    json.put("role", role);
    json.put("id", id);
    return json;
  }
}

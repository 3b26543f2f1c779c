package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/**
 * The service's instances; the generation increases whenever the list changes, which is what
 * triggers {@code notify.sh}.
 */
public record Membership(long generation, List<Member> agents) {
  public static final Membership NONE = new Membership(0, List.of());

  public Membership {
    agents = List.copyOf(agents);
  }

  public static Membership fromJson(JsonMap json) {
    return new Membership(
        json.longValue("generation", 0),
        json.objects("agents").stream().map(Member::fromJson).toList());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generation", generation);
    json.put("agents", agentsJson());
    return json;
  }

  /** The array written to {@code agents.json}. */
  public List<Map<String, Object>> agentsJson() {
    return agents.stream().map(Member::toJson).toList();
  }
}

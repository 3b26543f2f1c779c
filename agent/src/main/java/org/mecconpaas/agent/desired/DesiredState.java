package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/** The whole desired state of the node: every instance it must run, nothing else. */
public record DesiredState(List<DesiredInstance> instances) {

  public DesiredState {
    instances = List.copyOf(instances);
    long distinct = instances.stream().map(DesiredInstance::id).distinct().count();
    if (distinct != instances.size()) {
      throw new IllegalArgumentException("instance ids are not unique");
    }
  }

  public static DesiredState fromJson(JsonMap json) {
    return new DesiredState(
        json.objects("instances").stream().map(DesiredInstance::fromJson).toList());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instances", instances.stream().map(DesiredInstance::toJson).toList());
    return json;
  }
}

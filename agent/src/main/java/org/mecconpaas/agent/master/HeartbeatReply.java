package org.mecconpaas.agent.master;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.desired.DesiredState;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.agent.logs.LogOffsetStore.Offsets;

/**
 * The master's answer to a heartbeat: the node's whole desired state and the log offsets it has.
 */
public record HeartbeatReply(
    long heartbeatIntervalMillis,
    Map<String, Offsets> logOffsets,
    DesiredState desired,
    JsonMap accessPoint) {

  static HeartbeatReply fromJson(JsonMap json) {
    if (!json.has("instances")) {
      // an empty list removes every instance; a missing one is a broken reply, not that order
      throw new IllegalArgumentException("heartbeat reply lacks 'instances'");
    }
    Map<String, Offsets> offsets = new LinkedHashMap<>();
    JsonMap offsetsJson = json.object("logOffsets");
    for (String id : offsetsJson.keys()) {
      JsonMap streams = offsetsJson.object(id);
      offsets.put(id, new Offsets(streams.longValue("stdout", 0), streams.longValue("stderr", 0)));
    }
    return new HeartbeatReply(
        json.longValue("heartbeatIntervalMillis", 2000),
        offsets,
        DesiredState.fromJson(json),
        json.object("accessPoint"));
  }
}

package org.mecconpaas.agent.access;

import java.util.List;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;

/**
 * The Wi-Fi access point side of a node (docs/agent-protocol.md, "access point"): which mobile
 * clients are associated with it, reported with every heartbeat, and the access-point router that
 * gives each service one stable address for them, planned by the master in every reply.
 */
public interface AccessPoint extends AutoCloseable {

  /** A node without an access point: no stations, no router. */
  AccessPoint NONE =
      new AccessPoint() {
        @Override
        public void apply(JsonMap plan) {}

        @Override
        public List<Map<String, Object>> clients() {
          return List.of();
        }

        @Override
        public void close() {}
      };

  /**
   * Takes the master's plan from a heartbeat reply: {@code {"stations": [...], "routes": [...]}}
   * (an empty object when the reply has none).
   */
  void apply(JsonMap plan);

  /** The associated stations as the report carries them: {@code [{"id", "since"}]}. */
  List<Map<String, Object>> clients();

  @Override
  void close();
}

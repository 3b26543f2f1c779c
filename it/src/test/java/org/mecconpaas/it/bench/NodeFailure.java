package org.mecconpaas.it.bench;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * One node failure: SIGKILL to the agent of the node that holds the service's {@code node}
 * instance, as when a board loses power (its heartbeats stop), then the time until the master
 * noticed (node DOWN) and until that instance runs on another node.
 */
final class NodeFailure {
  /** Detection alone takes 3 heartbeat intervals + 2 s; past this something is broken. */
  private static final Duration LIMIT = Duration.ofSeconds(90);

  /** Times from the kill; {@code downNanos} is 0 when the DOWN state was never seen by a poll. */
  record Outcome(String node, long downNanos, long recreatedNanos) {}

  private NodeFailure() {}

  static Outcome inject(BenchEdge edge, BenchService service) throws Exception {
    JsonObject victim =
        service.instances().stream()
            .filter(i -> i.getString("role").equals("node"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no node instance to lose"));
    String node = victim.getString("node");
    String instance = victim.getString("name");
    ProcessHandle agent = edge.agent(node);
    long killedAt = System.nanoTime();
    agent.destroyForcibly();
    long[] down = {0};
    long recreated =
        service.await(
            instance + " RUNNING on another node than " + node,
            killedAt,
            LIMIT,
            () -> {
              if (down[0] == 0 && edge.nodeState(node).equals("DOWN")) {
                down[0] = System.nanoTime() - killedAt;
              }
              return service.instances().stream()
                  .anyMatch(
                      i ->
                          i.getString("name").equals(instance)
                              && !i.getString("node").equals(node)
                              && i.getString("state").equals("RUNNING"));
            });
    return new Outcome(node, down[0], recreated);
  }
}

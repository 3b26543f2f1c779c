package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last few minutes of each node's load and memory. The master keeps only each node's latest
 * figures, so the portal samples them whenever a page polls: one sample per heartbeat, however many
 * pages poll. Memory only, bounded, lost on restart. The service page no longer reads these (it
 * charts each instance's own figures, see {@link InstanceCharts}); only {@link EdgeView} still
 * records them, and both can go together.
 */
@ApplicationScoped
public class MetricsHistory {
  /** Three minutes at the default heartbeat of 2 s. */
  static final int CAPACITY = 90;

  /** What one heartbeat reported. */
  public record Sample(Instant at, Double load, Integer memoryUsedMiB) {}

  private final Map<String, Deque<Sample>> byNode = new ConcurrentHashMap<>();

  /** Adds the node's figures unless this heartbeat is already recorded. */
  public void record(String node, Instant heartbeatAt, Double load, Integer memoryUsedMiB) {
    if (heartbeatAt == null || (load == null && memoryUsedMiB == null)) {
      return;
    }
    Deque<Sample> samples = byNode.computeIfAbsent(node, n -> new ArrayDeque<>());
    synchronized (samples) {
      Sample last = samples.peekLast();
      if (last != null && !heartbeatAt.isAfter(last.at())) {
        return;
      }
      samples.addLast(new Sample(heartbeatAt, load, memoryUsedMiB));
      while (samples.size() > CAPACITY) {
        samples.removeFirst();
      }
    }
  }

  /** The node's samples, oldest first. */
  public List<Sample> samples(String node) {
    Deque<Sample> samples = byNode.get(node);
    if (samples == null) {
      return List.of();
    }
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }
}

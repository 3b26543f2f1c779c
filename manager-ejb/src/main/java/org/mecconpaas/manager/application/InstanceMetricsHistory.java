package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The figures instances reported with recent heartbeats ({@code cpuPercent}, {@code memoryMiB}, and
 * a role's own, such as a proxy's request rate and latency), for charts and the autoscaler. Kept in
 * memory and bounded: {@link #WINDOW} per instance (about 10 minutes at the default heartbeat); a
 * master restart starts the charts afresh, which is what a live view needs and spares the database
 * a write per instance per heartbeat.
 */
@ApplicationScoped
public class InstanceMetricsHistory {
  static final int WINDOW = 300;
  private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  /** One report's figures. */
  public record Sample(Instant time, Map<String, Double> values) {
    public Sample {
      values = Map.copyOf(values);
    }
  }

  private final Map<String, Deque<Sample>> byInstance = new ConcurrentHashMap<>();

  public void record(String instance, Instant time, Map<String, Double> values) {
    if (values.isEmpty()) {
      return;
    }
    Deque<Sample> samples = byInstance.computeIfAbsent(instance, k -> new ArrayDeque<>());
    synchronized (samples) {
      samples.addLast(new Sample(time, values));
      while (samples.size() > WINDOW) {
        samples.removeFirst();
      }
    }
    // instances removed long ago stop taking memory
    byInstance
        .entrySet()
        .removeIf(e -> last(e.getValue()).time().isBefore(time.minus(FORGET_AFTER)));
  }

  /** The instance's samples, oldest first; empty when it reported none. */
  public List<Sample> samples(String instance) {
    Deque<Sample> samples = byInstance.get(instance);
    if (samples == null) {
      return List.of();
    }
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The newest figures, empty when none. */
  public Map<String, Double> latest(String instance) {
    List<Sample> samples = samples(instance);
    return samples.isEmpty() ? Map.of() : samples.get(samples.size() - 1).values();
  }

  /** Samples of the instance at or after {@code since}. */
  public List<Sample> since(String instance, Instant since) {
    return samples(instance).stream().filter(s -> !s.time().isBefore(since)).toList();
  }

  private static Sample last(Deque<Sample> samples) {
    synchronized (samples) {
      return samples.isEmpty() ? new Sample(Instant.MAX, Map.of()) : samples.getLast();
    }
  }
}

package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.application.InstanceMetricsHistory.Sample;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Axis;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Line;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Point;
import org.mecconpaas.portal.interfaces.web.ChartConfig.Span;

/**
 * The service page's charts: the figures each instance reported with its node's heartbeats, one
 * line per instance. CPU and memory always; requests when an instance reports them (a web proxy's
 * metrics.sh). Only the last {@link #SHOWN} are drawn, which keeps each poll's answer small.
 */
public final class InstanceCharts {
  static final Duration SHOWN = Duration.ofMinutes(5);

  /** A reported figure and how its line looks: requests share a chart, latency on its own axis. */
  private record Figure(String key, String suffix, boolean dashed, String axis) {
    static final Figure CPU = new Figure("cpuPercent", "", false, "y");
    static final Figure MEMORY = new Figure("memoryMiB", "", false, "y");
    static final Figure REQUESTS = new Figure("requestsPerSecond", " requests/s", false, "y");
    static final Figure P95 = new Figure("p95Millis", " p95 ms", true, "p95");
  }

  private InstanceCharts() {}

  /** An instance of the service and the samples the master keeps for it, oldest first. */
  public record Reported(String instance, String role, List<Sample> samples) {
    String label() {
      return instance + " (" + role + ")";
    }
  }

  /**
   * What the Metrics tab shows: Chart.js configurations, each null when no instance reported its
   * figures, and the instances that reported nothing yet.
   */
  public record View(String cpu, String memory, String requests, List<String> silent)
      implements Serializable {
    public static final View NONE = new View(null, null, null, List.of());

    public View {
      silent = List.copyOf(silent);
    }
  }

  public static View of(List<Reported> instances, Instant now) {
    Instant from = now.minus(SHOWN);
    List<Line> cpu = new ArrayList<>();
    List<Line> memory = new ArrayList<>();
    List<Line> requests = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Reported r = instances.get(i);
      if (r.samples().isEmpty()) {
        silent.add(r.label());
        continue;
      }
      line(r, i, Figure.CPU, from).ifPresent(cpu::add);
      line(r, i, Figure.MEMORY, from).ifPresent(memory::add);
      line(r, i, Figure.REQUESTS, from).ifPresent(requests::add);
      line(r, i, Figure.P95, from).ifPresent(requests::add);
    }
    Span span = span(instances, from);
    return new View(
        chart("CPU per instance", span, List.of(new Axis("y", "% of one core")), cpu),
        chart("Memory per instance", span, List.of(new Axis("y", "MiB")), memory),
        chart(
            "Requests per instance",
            span,
            List.of(new Axis("y", "requests per second"), new Axis("p95", "p95 latency (ms)")),
            requests),
        silent);
  }

  /** From the first sample drawn to the last one, so that the charts line up. */
  private static Span span(List<Reported> instances, Instant from) {
    List<Instant> times =
        instances.stream()
            .flatMap(r -> r.samples().stream())
            .map(Sample::time)
            .filter(t -> !t.isBefore(from))
            .toList();
    return times.isEmpty()
        ? new Span(from, from)
        : new Span(Collections.min(times), Collections.max(times));
  }

  private static String chart(String title, Span span, List<Axis> axes, List<Line> lines) {
    return lines.isEmpty() ? null : ChartConfig.lines(title, span, axes, lines);
  }

  /** A line when the instance ever reported the figure, drawn from {@code from} on. */
  private static Optional<Line> line(Reported r, int colour, Figure figure, Instant from) {
    if (r.samples().stream().noneMatch(s -> s.values().containsKey(figure.key()))) {
      return Optional.empty();
    }
    List<Point> points =
        r.samples().stream()
            .filter(s -> !s.time().isBefore(from) && s.values().containsKey(figure.key()))
            .map(s -> new Point(s.time(), s.values().get(figure.key())))
            .toList();
    return Optional.of(
        new Line(r.label() + figure.suffix(), colour, figure.dashed(), figure.axis(), points));
  }
}

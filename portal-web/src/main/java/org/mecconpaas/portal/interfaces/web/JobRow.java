package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mecconpaas.manager.application.FlinkJobs.Job;
import org.mecconpaas.manager.application.FlinkJobs.Vertex;

/** A Flink job as the Jobs tab lists it. */
public record JobRow(
    String id,
    String name,
    String state,
    Instant startedAt,
    String duration,
    String tasks,
    boolean cancellable)
    implements Serializable {

  /** Flink's globally terminal states, and a cancellation under way: nothing left to cancel. */
  static final Set<String> NOT_CANCELLABLE = Set.of("FINISHED", "CANCELED", "FAILED", "CANCELLING");

  /** One operator chain of a job, with what went through it. */
  public record VertexRow(
      String name,
      int parallelism,
      String state,
      long readRecords,
      long writeRecords,
      String duration)
      implements Serializable {}

  public static JobRow of(Job job) {
    return new JobRow(
        job.id(),
        job.name(),
        job.state(),
        job.startedAt(),
        Formats.duration(job.durationMillis()),
        tasks(job.tasks()),
        !NOT_CANCELLABLE.contains(job.state()));
  }

  public static List<VertexRow> vertices(List<Vertex> vertices) {
    return vertices.stream()
        .map(
            v ->
                new VertexRow(
                    v.name(),
                    v.parallelism(),
                    v.state(),
                    v.readRecords(),
                    v.writeRecords(),
                    Formats.duration(v.durationMillis())))
        .toList();
  }

  /** "running 2, finished 1"; a dash when Flink reports no tasks. */
  static String tasks(Map<String, Integer> counts) {
    if (counts == null || counts.isEmpty()) {
      return "—";
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The first characters of Flink's 32-digit id, enough to tell jobs apart. */
  public String shortId() {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.UpstreamUnavailable;
import org.mecconpaas.manager.infrastructure.flink.FlinkRestClient;
import org.mecconpaas.manager.infrastructure.flink.FlinkRestClient.FlinkError;

/**
 * Jobs of a Flink service: a job jar is one of the service's code versions; submitting uploads it
 * to the service's JobManager and runs it there. The service's state is never touched: a jar that
 * is not a Flink job, or a job that fails, is the job's problem, and the cluster keeps RUNNING.
 */
@ApplicationScoped
public class FlinkJobs {
  private static final int MAX_ARGS = 64;
  private static final int MAX_ARG_LENGTH = 4096;

  /** A job as users see it. */
  public record Job(
      String id,
      String name,
      String state,
      Instant startedAt,
      Instant endedAt,
      long durationMillis,
      Map<String, Integer> tasks) {}

  /** One operator chain of a job, with its record counts. */
  public record Vertex(
      String name,
      int parallelism,
      String state,
      long readRecords,
      long writeRecords,
      long durationMillis) {}

  /** A job with its vertices. */
  public record JobDetail(Job job, List<Vertex> vertices) {}

  /** What a submission asks for. */
  public record Submission(Integer codeVersion, List<String> args, Integer parallelism) {}

  private FlinkTargets targets;
  private FlinkRestClient flink;

  protected FlinkJobs() {}

  @Inject
  public FlinkJobs(FlinkTargets targets, FlinkRestClient flink) {
    this.targets = targets;
    this.flink = flink;
  }

  public Job submit(Caller caller, String app, String svc, Submission submission) {
    List<String> args = submission.args() == null ? List.of() : submission.args();
    if (args.size() > MAX_ARGS
        || args.stream().anyMatch(a -> a == null || a.length() > MAX_ARG_LENGTH)) {
      throw new MalformedRequest(
          "args: at most " + MAX_ARGS + " arguments of at most " + MAX_ARG_LENGTH + " characters");
    }
    if (submission.parallelism() != null
        && (submission.parallelism() < 1 || submission.parallelism() > 256)) {
      throw new RuleViolation("parallelism", "parallelism must be between 1 and 256");
    }
    FlinkTargets.Cluster cluster = targets.cluster(caller, app, svc);
    FlinkTargets.Jar jar = targets.jar(caller, app, svc, submission.codeVersion());
    String jobId;
    try {
      String jarId = flink.upload(cluster.jobManager(), jar.file(), jar.fileName());
      try {
        jobId = flink.run(cluster.jobManager(), jarId, args, submission.parallelism());
      } finally {
        deleteQuietly(cluster, jarId);
      }
    } catch (FlinkError e) {
      String reason = "Flink could not run code version " + jar.version() + ": " + e.getMessage();
      targets.refused(caller, cluster, reason);
      throw new RuleViolation("codeVersion", reason);
    } catch (IOException e) {
      throw unavailable(cluster, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(cluster, e);
    }
    targets.submitted(caller, cluster, "job " + jobId + " from code version " + jar.version());
    return detail(caller, app, svc, jobId).job();
  }

  public List<Job> list(Caller caller, String app, String svc) {
    FlinkTargets.Cluster cluster = targets.cluster(caller, app, svc);
    List<Job> jobs = new ArrayList<>();
    try {
      for (JsonValue job : flink.jobs(cluster.jobManager())) {
        jobs.add(job(job.asJsonObject()));
      }
    } catch (FlinkError | IOException e) {
      throw unavailable(cluster, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(cluster, e);
    }
    jobs.sort(
        java.util.Comparator.comparing(
            Job::startedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    return jobs;
  }

  public JobDetail detail(Caller caller, String app, String svc, String jobId) {
    checkJobId(jobId);
    FlinkTargets.Cluster cluster = targets.cluster(caller, app, svc);
    try {
      JsonObject job = flink.job(cluster.jobManager(), jobId);
      List<Vertex> vertices = new ArrayList<>();
      for (JsonValue v : job.getJsonArray("vertices")) {
        JsonObject vertex = v.asJsonObject();
        JsonObject metrics = vertex.getJsonObject("metrics");
        vertices.add(
            new Vertex(
                vertex.getString("name", ""),
                vertex.getInt("parallelism", 0),
                vertex.getString("status", ""),
                number(metrics, "read-records"),
                number(metrics, "write-records"),
                number(vertex, "duration")));
      }
      return new JobDetail(job(job), vertices);
    } catch (FlinkError e) {
      if (e.status() == 404) {
        throw new ResourceNotFound("job " + jobId + " not found");
      }
      throw unavailable(cluster, e);
    } catch (IOException e) {
      throw unavailable(cluster, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(cluster, e);
    }
  }

  public void cancel(Caller caller, String app, String svc, String jobId) {
    checkJobId(jobId);
    FlinkTargets.Cluster cluster = targets.cluster(caller, app, svc);
    try {
      flink.cancel(cluster.jobManager(), jobId);
    } catch (FlinkError e) {
      if (e.status() == 404) {
        throw new ResourceNotFound("job " + jobId + " not found");
      }
      throw unavailable(cluster, e);
    } catch (IOException e) {
      throw unavailable(cluster, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(cluster, e);
    }
    targets.cancelled(caller, cluster, jobId);
  }

  private static void checkJobId(String jobId) {
    if (jobId == null || !jobId.matches("[0-9a-f]{32}")) {
      throw new ResourceNotFound("job " + jobId + " not found");
    }
  }

  private void deleteQuietly(FlinkTargets.Cluster cluster, String jarId) {
    try {
      flink.deleteJar(cluster.jobManager(), jarId);
    } catch (FlinkError | IOException e) {
      // the JobManager keeps an unused upload; harmless
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static UpstreamUnavailable unavailable(FlinkTargets.Cluster cluster, Exception e) {
    return new UpstreamUnavailable(
        "the JobManager at " + cluster.jobManager() + " did not answer: " + e.getMessage());
  }

  /** {@code /jobs/overview} and {@code /jobs/<id>} spell the same fields differently. */
  private static Job job(JsonObject json) {
    String id = json.containsKey("jid") ? json.getString("jid") : json.getString("jobId", "");
    String state = json.containsKey("state") ? json.getString("state") : "";
    long start = number(json, "start-time");
    long end = number(json, "end-time");
    Map<String, Integer> tasks = new LinkedHashMap<>();
    JsonObject counts =
        json.containsKey("tasks")
            ? json.getJsonObject("tasks")
            : json.getJsonObject("status-counts");
    if (counts != null) {
      counts.forEach(
          (key, value) -> {
            if (value instanceof JsonNumber n && n.intValue() > 0) {
              tasks.put(key.toLowerCase(java.util.Locale.ROOT), n.intValue());
            }
          });
    }
    return new Job(
        id,
        json.getString("name", ""),
        state,
        start > 0 ? Instant.ofEpochMilli(start) : null,
        end > 0 ? Instant.ofEpochMilli(end) : null,
        number(json, "duration"),
        tasks);
  }

  private static long number(JsonObject json, String key) {
    if (json == null || !(json.get(key) instanceof JsonNumber n)) {
      return 0;
    }
    return n.longValue();
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.application.FlinkJobs;
import org.mecconpaas.manager.application.FlinkJobs.Job;
import org.mecconpaas.manager.application.FlinkJobs.JobDetail;
import org.mecconpaas.manager.application.FlinkJobs.Submission;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The Jobs tab of a Flink service: submit one of its code versions to the JobManager, follow the
 * jobs while the tab is shown (with the page's poll), look at a job's vertices, cancel one. Without
 * a running JobManager the tab says so instead of a table.
 */
@Named
@ViewScoped
public class JobsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String SUBMIT = "tabs:jobsubmit:";

  @Inject private ServiceBean page;
  @Inject private transient FlinkJobs flink;
  @Inject private transient CurrentCaller caller;

  private boolean loaded;
  private List<JobRow> jobs = List.of();
  private String unavailable;
  private String selected;
  private List<JobRow.VertexRow> vertices = List.of();

  private Integer codeVersion;
  private String arguments;
  private Integer parallelism;

  /** Asks the JobManager again; the page's poll calls this while the tab is shown. */
  public void refresh() {
    loaded = true;
    try {
      jobs =
          flink.list(caller.get(), page.getApp(), page.getName()).stream().map(JobRow::of).toList();
      unavailable = null;
    } catch (DomainException | IllegalArgumentException cannot) {
      // no running JobManager (yet), or it does not answer: said in the tab, not as an error
      jobs = List.of();
      unavailable = cannot.getMessage();
      return;
    }
    if (selected != null) {
      detail();
    }
  }

  private void detail() {
    try {
      JobDetail detail = flink.detail(caller.get(), page.getApp(), page.getName(), selected);
      vertices = JobRow.vertices(detail.vertices());
    } catch (ResourceNotFound gone) {
      selected = null;
      vertices = List.of();
    } catch (DomainException | IllegalArgumentException cannot) {
      vertices = List.of(); // the list says why
    }
  }

  public void submit() {
    List<String> args = JobArguments.parse(arguments);
    try {
      Job job =
          flink.submit(
              caller.get(),
              page.getApp(),
              page.getName(),
              new Submission(codeVersion, args, parallelism));
      Feedback.info("Job " + job.name() + " submitted (" + job.id() + "): " + job.state());
      selected = job.id();
    } catch (MalformedRequest tooMany) {
      Feedback.error(SUBMIT + "arguments", tooMany.getMessage());
      return;
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of("codeVersion", SUBMIT + "version", "parallelism", SUBMIT + "parallelism"));
      return;
    }
    refresh();
    page.refresh();
  }

  /** Shows a job's vertices below the table (again: hides them). */
  public void show(JobRow job) {
    if (job.id().equals(selected)) {
      selected = null;
      vertices = List.of();
      return;
    }
    selected = job.id();
    detail();
  }

  public void cancel(JobRow job) {
    try {
      flink.cancel(caller.get(), page.getApp(), page.getName(), job.id());
      Feedback.info("Cancelling job " + job.name() + " (" + job.id() + ")");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    refresh();
    page.refresh();
  }

  public List<JobRow> getJobs() {
    if (!loaded) {
      refresh();
    }
    return jobs;
  }

  /** Why there is no list: no running JobManager, or one that does not answer; null otherwise. */
  public String getUnavailable() {
    getJobs();
    return unavailable;
  }

  public String getSelected() {
    return selected;
  }

  /** The selected job's row, or null. */
  public JobRow getSelectedJob() {
    return jobs.stream().filter(j -> j.id().equals(selected)).findFirst().orElse(null);
  }

  public List<JobRow.VertexRow> getVertices() {
    return vertices;
  }

  public Integer getCodeVersion() {
    return codeVersion;
  }

  public void setCodeVersion(Integer codeVersion) {
    this.codeVersion = codeVersion;
  }

  public String getArguments() {
    return arguments;
  }

  public void setArguments(String arguments) {
    this.arguments = arguments;
  }

  public Integer getParallelism() {
    return parallelism;
  }

  public void setParallelism(Integer parallelism) {
    this.parallelism = parallelism;
  }
}

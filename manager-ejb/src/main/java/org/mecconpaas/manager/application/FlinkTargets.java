package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.file.Path;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.persistence.CodeVersionRepository;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;

/**
 * The database side of {@link FlinkJobs}, in short transactions of their own: the JobManager to
 * talk to and the jar to submit are looked up first, the audit written after, and no transaction
 * stays open while Flink plans a job.
 */
@ApplicationScoped
@Transactional
public class FlinkTargets {
  /** Where the caller's Flink service's JobManager answers. */
  public record Cluster(URI jobManager, String application, String service) {}

  /** A job jar: one of the service's code versions. */
  public record Jar(Path file, String fileName, int version) {}

  private ServiceOperations services;
  private CodeVersionRepository versions;
  private CodeStore codeStore;
  private AuditTrail audit;

  protected FlinkTargets() {}

  @Inject
  public FlinkTargets(
      ServiceOperations services,
      CodeVersionRepository versions,
      CodeStore codeStore,
      AuditTrail audit) {
    this.services = services;
    this.versions = versions;
    this.codeStore = codeStore;
    this.audit = audit;
  }

  public Cluster cluster(Caller caller, String app, String svc) {
    Service service = services.find(caller, app, svc);
    if (!"flink".equals(service.type())) {
      throw new RuleViolation(
          "type", "only flink services run jobs; " + svc + " is " + service.type());
    }
    String endpoint =
        services
            .endpoint(service)
            .orElseThrow(
                () ->
                    new StateConflict(
                        "service "
                            + svc
                            + " has no running JobManager (it is "
                            + service.state()
                            + "): start it and wait until it is RUNNING"));
    return new Cluster(URI.create(endpoint), service.application().name(), service.name());
  }

  /** The code version to submit: the one asked for, or the active one. */
  public Jar jar(Caller caller, String app, String svc, Integer version) {
    Service service = services.find(caller, app, svc);
    Integer wanted = version != null ? version : service.activeCodeVersion();
    if (wanted == null) {
      throw new RuleViolation("codeVersion", "upload a job jar first: the service has no code");
    }
    CodeVersion code =
        versions
            .byVersion(service, wanted)
            .orElseThrow(
                () ->
                    new RuleViolation("codeVersion", "code version " + wanted + " does not exist"));
    return new Jar(codeStore.locate(code.storagePath()), code.fileName(), code.version());
  }

  public void submitted(Caller caller, Cluster cluster, String detail) {
    audit.success(
        caller.username(),
        "flink.job.submit",
        caller.userId(),
        cluster.application(),
        cluster.service(),
        detail);
  }

  public void cancelled(Caller caller, Cluster cluster, String jobId) {
    audit.success(
        caller.username(),
        "flink.job.cancel",
        caller.userId(),
        cluster.application(),
        cluster.service(),
        jobId);
  }

  public void refused(Caller caller, Cluster cluster, String detail) {
    audit.failure(
        caller.username(),
        "flink.job.submit",
        caller.userId(),
        cluster.application(),
        cluster.service(),
        detail);
  }
}

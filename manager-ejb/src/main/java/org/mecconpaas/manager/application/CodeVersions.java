package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.StoredArchive;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;
import org.mecconpaas.manager.infrastructure.persistence.CodeVersionRepository;
import org.mecconpaas.manager.infrastructure.persistence.ServiceRepository;
import org.mecconpaas.manager.infrastructure.storage.ArchiveInspector;
import org.mecconpaas.manager.infrastructure.storage.BadArchive;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;
import org.mecconpaas.manager.infrastructure.storage.CodeStore.ReceivedFile;

/**
 * Code versions of a service: upload (checked, hashed, numbered), list, download, enable, delete.
 * The first version uploaded becomes the active one; later ones wait to be enabled.
 */
@ApplicationScoped
@Transactional
public class CodeVersions {
  private static final int MAX_FILE_NAME = 255;

  /** A code version with the file that holds its archive. */
  public record Download(CodeVersion version, Path file) {}

  private ServiceOperations serviceOperations;
  private ServiceRepository services;
  private CodeVersionRepository versions;
  private CodeStore store;
  private AuditTrail audit;
  private Clock clock;
  private long maxUploadBytes;

  protected CodeVersions() {}

  @Inject
  public CodeVersions(
      ServiceOperations serviceOperations,
      ServiceRepository services,
      CodeVersionRepository versions,
      CodeStore store,
      AuditTrail audit,
      Clock clock,
      MasterSettings settings) {
    this(serviceOperations, services, versions, store, audit, clock, settings.maxUploadBytes());
  }

  public CodeVersions(
      ServiceOperations serviceOperations,
      ServiceRepository services,
      CodeVersionRepository versions,
      CodeStore store,
      AuditTrail audit,
      Clock clock,
      long maxUploadBytes) {
    this.serviceOperations = serviceOperations;
    this.services = services;
    this.versions = versions;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  public List<CodeVersion> list(Caller caller, String app, String svc) {
    return versions.of(serviceOperations.find(caller, app, svc));
  }

  public CodeVersion upload(
      Caller caller, String app, String svc, String uploadedName, InputStream data) {
    Service service = serviceOperations.find(caller, app, svc);
    String fileName = baseName(uploadedName);
    CodeFormat format = acceptedFormat(service, fileName);
    ReceivedFile received = receive(caller, service, data);
    try {
      new ArchiveInspector(maxUploadBytes * 16).inspect(received.path(), format);
    } catch (BadArchive bad) {
      store.discard(received.path());
      refused(caller, service, bad.getMessage());
      throw new RuleViolation("file", bad.getMessage());
    }
    services.lock(service);
    int number = versions.nextVersion(service);
    String storagePath = store.keep(received, service.id(), number, format);
    StoredArchive archive =
        new StoredArchive(fileName, format, received.size(), received.sha256(), storagePath);
    CodeVersion version =
        versions.add(new CodeVersion(service, number, archive, caller.username(), clock.instant()));
    if (service.activeCodeVersion() == null) {
      service.activate(number, clock.instant());
    }
    record(caller, service, "code.upload", "version " + number + " sha256 " + received.sha256());
    return version;
  }

  private ReceivedFile receive(Caller caller, Service service, InputStream data) {
    try {
      return store.receive(data, maxUploadBytes);
    } catch (UploadTooLarge tooLarge) {
      refused(caller, service, tooLarge.getMessage());
      throw tooLarge;
    }
  }

  /** Browsers may send a full client path; only the last segment is the file's name. */
  private static String baseName(String uploadedName) {
    if (uploadedName == null || uploadedName.isBlank()) {
      throw new RuleViolation("file", "the upload must carry a file name");
    }
    String name =
        uploadedName.substring(
            Math.max(uploadedName.lastIndexOf('/'), uploadedName.lastIndexOf('\\')) + 1);
    if (name.isEmpty() || name.length() > MAX_FILE_NAME || name.chars().anyMatch(c -> c < 0x20)) {
      throw new RuleViolation("file", "the file name is empty, too long or has control characters");
    }
    return name;
  }

  private static CodeFormat acceptedFormat(Service service, String fileName) {
    ServiceType type = ServiceOperations.type(service.type());
    CodeFormat format =
        CodeFormat.ofFileName(fileName)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "file", "the file name must end in .zip, .tar.gz, .tgz, .war or .jar"));
    if (!type.accepts(format)) {
      throw new RuleViolation(
          "file",
          "a "
              + type.name()
              + " service takes "
              + (type.codeFormats().isEmpty()
                  ? "no code"
                  : type.codeFormats().stream().map(CodeFormat::label).sorted().toList())
              + ", not "
              + format.label());
    }
    return format;
  }

  public Download download(Caller caller, String app, String svc, int number) {
    CodeVersion version = find(caller, app, svc, number);
    return new Download(version, store.locate(version.storagePath()));
  }

  /** Makes a version the active one; the reconcile loop rolls it out. */
  public CodeVersion enable(Caller caller, String app, String svc, int number) {
    CodeVersion version = find(caller, app, svc, number);
    version.service().activate(number, clock.instant());
    record(caller, version.service(), "code.enable", "version " + number);
    return version;
  }

  public void delete(Caller caller, String app, String svc, int number) {
    CodeVersion version = find(caller, app, svc, number);
    Integer active = version.service().activeCodeVersion();
    if (active != null && active == number) {
      throw new StateConflict("version " + number + " is active; enable another one first");
    }
    versions.remove(version);
    store.removeAfterCommit(version.storagePath());
    record(caller, version.service(), "code.delete", "version " + number);
  }

  private CodeVersion find(Caller caller, String app, String svc, int number) {
    Service service = serviceOperations.find(caller, app, svc);
    return versions
        .byVersion(service, number)
        .orElseThrow(() -> new ResourceNotFound("code version " + number + " not found"));
  }

  private void record(Caller caller, Service service, String action, String detail) {
    audit.success(
        caller.username(),
        action,
        caller.userId(),
        service.application().name(),
        service.name(),
        detail);
  }

  private void refused(Caller caller, Service service, String reason) {
    audit.failure(
        caller.username(),
        "code.upload",
        caller.userId(),
        service.application().name(),
        service.name(),
        reason);
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.application.CodeVersions.Download;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The code versions of the service page: upload, enable, download, delete, and why an instance
 * refused a version (the service then went back to the one before).
 */
@Named
@ViewScoped
public class CodeBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A code version in the table. */
  public record VersionRow(
      int version,
      String fileName,
      String format,
      long size,
      String sha256,
      boolean active,
      String uploadedBy,
      Instant uploadedAt,
      String refusedReason)
      implements Serializable {
    public boolean refused() {
      return refusedReason != null;
    }
  }

  @Inject private ServiceBean page;
  @Inject private transient CodeVersions code;
  @Inject private transient CurrentCaller caller;

  private List<VersionRow> versions;

  /** The versions; read again when the active one changed since (a rollout was refused). */
  public List<VersionRow> getVersions() {
    ServiceBean.Header header = page.getHeader();
    if (versions == null
        || (header != null && !Objects.equals(active(versions), header.activeCodeVersion()))) {
      load();
    }
    return versions;
  }

  private static Integer active(List<VersionRow> rows) {
    return rows.stream()
        .filter(VersionRow::active)
        .map(VersionRow::version)
        .findFirst()
        .orElse(null);
  }

  private void load() {
    try {
      versions =
          code.list(caller.get(), page.getApp(), page.getName()).stream()
              .map(CodeBean::row)
              .toList();
    } catch (DomainException missing) {
      versions = List.of();
    }
  }

  /** After an upload or a delete: the Flink job form offers the versions too. */
  private void versionsChanged() {
    load();
    if (page.isFlink()) {
      ServiceBean.redraw(":tabs:jobsubmit:version");
    }
  }

  static VersionRow row(CodeVersion c) {
    Integer active = c.service().activeCodeVersion();
    return new VersionRow(
        c.version(),
        c.fileName(),
        c.format(),
        c.sizeBytes(),
        c.sha256(),
        active != null && active == c.version(),
        c.uploadedBy(),
        c.uploadedAt(),
        c.refusedReason());
  }

  /** The master's upload limit, which the upload component also checks in the browser. */
  public long getMaxBytes() {
    return code.maxUploadBytes();
  }

  public String getMaxSize() {
    return Formats.bytes(code.maxUploadBytes());
  }

  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try (InputStream data = file.getInputStream()) {
      CodeVersion version =
          code.upload(caller.get(), page.getApp(), page.getName(), file.getFileName(), data);
      Feedback.info(
          "Version "
              + version.version()
              + " uploaded ("
              + Formats.bytes(version.sizeBytes())
              + ", SHA-256 "
              + version.sha256().substring(0, 12)
              + "…)"
              + (version.version() == 1 ? " and active" : "; enable it to roll it out"));
    } catch (DomainException refused) {
      Feedback.refused(refused, Map.of("file", "tabs:code:bundle"));
    } catch (IOException e) {
      Feedback.error("tabs:code:bundle", "the upload broke off: " + e.getMessage());
    } finally {
      try {
        file.delete();
      } catch (IOException ignored) {
        // the container removes its temporary files at the end of the request anyway
      }
    }
    versionsChanged();
    page.refresh();
  }

  public void enable(VersionRow row) {
    try {
      ConflictRetry.run(
          () -> code.enable(caller.get(), page.getApp(), page.getName(), row.version()));
      Feedback.info("Version " + row.version() + " is active; the instances roll it out");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
    page.refresh();
  }

  public void delete(VersionRow row) {
    try {
      code.delete(caller.get(), page.getApp(), page.getName(), row.version());
      Feedback.info("Version " + row.version() + " deleted");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    versionsChanged();
  }

  /** The archive as a download (p:fileDownload). */
  public StreamedContent download(VersionRow row) {
    Download download = code.download(caller.get(), page.getApp(), page.getName(), row.version());
    Path file = download.file();
    return DefaultStreamedContent.builder()
        .name(download.version().fileName())
        .contentType("application/octet-stream")
        .contentLength(download.version().sizeBytes())
        .stream(() -> open(file))
        .build();
  }

  static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }
}

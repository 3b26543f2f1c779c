package org.mecconpaas.manager.domain.model.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded code bundle. Metadata lives here; the archive itself is a file under the master's
 * data directory, identified by {@code storagePath} and checked by its SHA-256.
 */
@Entity
@Table(name = "code_versions")
@NamedQuery(
    name = "CodeVersion.ofService",
    query = "SELECT c FROM CodeVersion c WHERE c.service.id = :serviceId ORDER BY c.version")
@NamedQuery(
    name = "CodeVersion.byVersion",
    query = "SELECT c FROM CodeVersion c WHERE c.service.id = :serviceId AND c.version = :version")
@NamedQuery(
    name = "CodeVersion.latest",
    query = "SELECT MAX(c.version) FROM CodeVersion c WHERE c.service.id = :serviceId")
public class CodeVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "code_versions_seq")
  @SequenceGenerator(
      name = "code_versions_seq",
      sequenceName = "code_versions_seq",
      allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_id")
  private Service service;

  @Column(nullable = false)
  private int version;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(nullable = false, length = 16)
  private String format;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "storage_path", nullable = false, length = 512)
  private String storagePath;

  @Column(name = "uploaded_by", nullable = false, length = 63)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  /** Why an instance refused this version (its init.sh or switch.sh failed), or null. */
  @Column(name = "refused_reason", length = 1024)
  private String refusedReason;

  protected CodeVersion() {}

  public CodeVersion(
      Service service, int version, StoredArchive archive, String uploadedBy, Instant uploadedAt) {
    this.service = service;
    this.version = version;
    this.fileName = archive.fileName();
    this.format = archive.format().label();
    this.sizeBytes = archive.sizeBytes();
    this.sha256 = archive.sha256();
    this.storagePath = archive.storagePath();
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long id() {
    return id;
  }

  public Service service() {
    return service;
  }

  public int version() {
    return version;
  }

  public String fileName() {
    return fileName;
  }

  public String format() {
    return format;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public String storagePath() {
    return storagePath;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  /** An instance refused the version; the service went back to the one before. */
  public void refuse(String reason) {
    this.refusedReason = reason.length() > 1024 ? reason.substring(0, 1024) : reason;
  }

  public String refusedReason() {
    return refusedReason;
  }
}

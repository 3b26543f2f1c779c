package org.mecconpaas.manager.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master's settings. Defaults live in {@code META-INF/microprofile-config.properties}; the
 * launcher and operators override them with system properties or environment variables (e.g. {@code
 * MEC_DATA_DIR}).
 */
@ApplicationScoped
public class MasterSettings {
  private Path dataDir;
  private long maxUploadBytes;
  private Duration defaultTokenLifetime;
  private Optional<String> initialAdminPassword;

  protected MasterSettings() {}

  @Inject
  public MasterSettings(
      @ConfigProperty(name = "mec.data-dir") String dataDir,
      @ConfigProperty(name = "mec.code.max-upload-bytes") long maxUploadBytes,
      @ConfigProperty(name = "mec.tokens.default-lifetime-days") int tokenLifetimeDays,
      @ConfigProperty(name = "mec.admin.initial-password") Optional<String> initialAdminPassword) {
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    this.maxUploadBytes = maxUploadBytes;
    this.defaultTokenLifetime = Duration.ofDays(tokenLifetimeDays);
    this.initialAdminPassword = initialAdminPassword.filter(p -> !p.isBlank());
  }

  public Path dataDir() {
    return dataDir;
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  public Duration defaultTokenLifetime() {
    return defaultTokenLifetime;
  }

  /** Set only for automated set-ups; otherwise the first admin password is generated. */
  public Optional<String> initialAdminPassword() {
    return initialAdminPassword;
  }
}

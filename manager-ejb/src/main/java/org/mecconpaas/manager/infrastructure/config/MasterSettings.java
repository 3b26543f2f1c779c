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
  private Duration heartbeatInterval;

  protected MasterSettings() {}

  @Inject
  public MasterSettings(
      @ConfigProperty(name = "mec.data-dir") String dataDir,
      @ConfigProperty(name = "mec.code.max-upload-bytes") long maxUploadBytes,
      @ConfigProperty(name = "mec.tokens.default-lifetime-days") int tokenLifetimeDays,
      @ConfigProperty(name = "mec.admin.initial-password") Optional<String> initialAdminPassword,
      @ConfigProperty(name = "mec.agent.heartbeat-interval-millis") long heartbeatMillis) {
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    this.maxUploadBytes = maxUploadBytes;
    this.defaultTokenLifetime = Duration.ofDays(tokenLifetimeDays);
    this.initialAdminPassword = initialAdminPassword.filter(p -> !p.isBlank());
    this.heartbeatInterval = Duration.ofMillis(heartbeatMillis);
  }

  /** How often node agents report. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /**
   * Silence after which a node is DOWN: three missed heartbeats and two seconds of slack, 8 s at
   * the default interval, so a failed node is noticed within 10 s.
   */
  public Duration nodeDownAfter() {
    return heartbeatInterval.multipliedBy(3).plusSeconds(2);
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

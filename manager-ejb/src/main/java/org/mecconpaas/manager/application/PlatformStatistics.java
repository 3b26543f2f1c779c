package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.mecconpaas.manager.infrastructure.persistence.StatisticsRepository;

/** What operators watch: how many of everything, and whether the database answers. */
@ApplicationScoped
@Transactional
public class PlatformStatistics {
  /** A snapshot of the platform's size. */
  public record Snapshot(
      long users,
      long applications,
      Map<String, Long> servicesByState,
      Map<String, Long> nodesByState,
      long codeVersions,
      long events) {}

  private StatisticsRepository statistics;

  protected PlatformStatistics() {}

  @Inject
  public PlatformStatistics(StatisticsRepository statistics) {
    this.statistics = statistics;
  }

  public Snapshot snapshot(Caller caller) {
    caller.requireAdmin();
    return new Snapshot(
        statistics.count("User"),
        statistics.count("Application"),
        statistics.countBy("Service", "state"),
        statistics.countBy("Node", "state"),
        statistics.count("CodeVersion"),
        statistics.count("Event"));
  }

  /** True when the database answers a query. */
  public boolean databaseUp() {
    try {
      statistics.count("User");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

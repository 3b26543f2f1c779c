package org.mecconpaas.manager.domain.model.service;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a web service scales one of its roles by itself: out when the proxy's p95 response time
 * misses the objective or the role's CPU runs high, in when both are comfortably low, within {@code
 * min}..{@code max} instances and never twice within the cool-down. Manual scaling keeps working;
 * the policy moves the role from wherever it stands.
 */
@Embeddable
public class AutoscalingPolicy {
  @Column(name = "autoscale_role", length = 32)
  private String role;

  @Column(name = "autoscale_p95_millis")
  private Integer p95Millis;

  @Column(name = "autoscale_cpu_low")
  private Integer cpuLowPercent;

  @Column(name = "autoscale_cpu_high")
  private Integer cpuHighPercent;

  @Column(name = "autoscale_min")
  private Integer minInstances;

  @Column(name = "autoscale_max")
  private Integer maxInstances;

  @Column(name = "autoscale_cooldown_seconds")
  private Integer cooldownSeconds;

  protected AutoscalingPolicy() {}

  public AutoscalingPolicy(
      String role,
      int p95Millis,
      int cpuLowPercent,
      int cpuHighPercent,
      int minInstances,
      int maxInstances,
      int cooldownSeconds) {
    this.role = role;
    this.p95Millis = p95Millis;
    this.cpuLowPercent = cpuLowPercent;
    this.cpuHighPercent = cpuHighPercent;
    this.minInstances = minInstances;
    this.maxInstances = maxInstances;
    this.cooldownSeconds = cooldownSeconds;
  }

  /** What is wrong with the figures themselves (the catalog's bounds are checked by the caller). */
  public List<String> violations() {
    List<String> errors = new ArrayList<>();
    if (p95Millis < 1 || p95Millis > 60_000) {
      errors.add("p95Millis must be between 1 and 60000");
    }
    if (cpuLowPercent < 0 || cpuHighPercent > 100 || cpuLowPercent >= cpuHighPercent) {
      errors.add("need 0 <= cpuLowPercent < cpuHighPercent <= 100");
    }
    if (minInstances < 1 || maxInstances < minInstances) {
      errors.add("need 1 <= minInstances <= maxInstances");
    }
    if (cooldownSeconds < 0 || cooldownSeconds > 3600) {
      errors.add("cooldownSeconds must be between 0 and 3600");
    }
    return errors;
  }

  /** Null when no policy is set (every column null): JPA then gives no embedded object. */
  public boolean isSet() {
    return role != null;
  }

  public String role() {
    return role;
  }

  public int p95Millis() {
    return p95Millis;
  }

  public int cpuLowPercent() {
    return cpuLowPercent;
  }

  public int cpuHighPercent() {
    return cpuHighPercent;
  }

  public int minInstances() {
    return minInstances;
  }

  public int maxInstances() {
    return maxInstances;
  }

  public int cooldownSeconds() {
    return cooldownSeconds;
  }
}

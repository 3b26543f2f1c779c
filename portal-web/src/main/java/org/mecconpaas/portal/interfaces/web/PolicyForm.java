package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.util.List;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.Autoscaler.PolicyRequest;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.service.AutoscalingPolicy;

/**
 * The autoscaling form of a web service: the stored policy, or the defaults the autoscaler would
 * take when none is stored (so people see what they are about to set), and where the manager's
 * refusals go.
 */
public final class PolicyForm implements Serializable {
  private static final long serialVersionUID = 1L;

  // the defaults Autoscaler.setPolicy gives the fields a request leaves out
  static final int P95_MILLIS = 200;
  static final int CPU_LOW = 20;
  static final int CPU_HIGH = 70;
  static final int COOLDOWN_SECONDS = 30;
  static final int MAX_INSTANCES = 4;

  private String role;
  private Integer p95Millis;
  private Integer cpuLowPercent;
  private Integer cpuHighPercent;
  private Integer minInstances;
  private Integer maxInstances;
  private Integer cooldownSeconds;

  /** An empty form, for a service that is gone. */
  static PolicyForm blank() {
    return new PolicyForm();
  }

  /** The stored policy, or the defaults for the type's autoscaled role when there is none. */
  public static PolicyForm of(ServiceType type, AutoscalingPolicy stored) {
    PolicyForm form = new PolicyForm();
    if (stored == null) {
      form.p95Millis = P95_MILLIS;
      form.cpuLowPercent = CPU_LOW;
      form.cpuHighPercent = CPU_HIGH;
      form.cooldownSeconds = COOLDOWN_SECONDS;
      form.role = type.autoscaledRole();
      form.roleChanged(type);
      return form;
    }
    form.role = stored.role();
    form.p95Millis = stored.p95Millis();
    form.cpuLowPercent = stored.cpuLowPercent();
    form.cpuHighPercent = stored.cpuHighPercent();
    form.minInstances = stored.minInstances();
    form.maxInstances = stored.maxInstances();
    form.cooldownSeconds = stored.cooldownSeconds();
    return form;
  }

  /** Another role was chosen: its instance bounds start from the defaults for that role. */
  public void roleChanged(ServiceType type) {
    type.role(role)
        .ifPresent(
            r -> {
              minInstances = Math.max(1, r.min());
              maxInstances = Math.min(r.max(), MAX_INSTANCES);
            });
  }

  /** The roles a policy may scale: those whose instance count can change. */
  public static List<String> scalableRoles(ServiceType type) {
    return type.roles().stream().filter(r -> r.max() > r.min()).map(RoleSpec::name).toList();
  }

  public PolicyRequest request() {
    return new PolicyRequest(
        role,
        p95Millis,
        cpuLowPercent,
        cpuHighPercent,
        minInstances,
        maxInstances,
        cooldownSeconds);
  }

  /**
   * The id of the input a refusal belongs next to, or null for the top of the page. The manager
   * names the figures' own problems "policy" and says which figure in the message.
   */
  public static String inputFor(FieldError error) {
    return switch (error.field()) {
      case "role" -> "role";
      case "minInstances" -> "min";
      case "maxInstances" -> "max";
      case "p95Millis" -> "p95";
      case "cooldownSeconds" -> "cooldown";
      case "policy" -> inputNamedIn(error.message());
      default -> null;
    };
  }

  private static String inputNamedIn(String message) {
    if (message.contains("p95Millis")) {
      return "p95";
    }
    if (message.contains("cpuLowPercent") || message.contains("cpuHighPercent")) {
      return "cpuHigh";
    }
    if (message.contains("minInstances") || message.contains("maxInstances")) {
      return "max";
    }
    if (message.contains("cooldownSeconds")) {
      return "cooldown";
    }
    return null;
  }

  /** One line for people, e.g. "backend between 1 and 4 instances: p95 objective 200 ms, …". */
  public static String describe(AutoscalingPolicy p) {
    return p.role()
        + " between "
        + p.minInstances()
        + " and "
        + p.maxInstances()
        + " instances: out when the p95 response time exceeds "
        + p.p95Millis()
        + " ms or CPU exceeds "
        + p.cpuHighPercent()
        + " %, in when CPU is under "
        + p.cpuLowPercent()
        + " %; at most one change every "
        + p.cooldownSeconds()
        + " s";
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Integer getP95Millis() {
    return p95Millis;
  }

  public void setP95Millis(Integer p95Millis) {
    this.p95Millis = p95Millis;
  }

  public Integer getCpuLowPercent() {
    return cpuLowPercent;
  }

  public void setCpuLowPercent(Integer cpuLowPercent) {
    this.cpuLowPercent = cpuLowPercent;
  }

  public Integer getCpuHighPercent() {
    return cpuHighPercent;
  }

  public void setCpuHighPercent(Integer cpuHighPercent) {
    this.cpuHighPercent = cpuHighPercent;
  }

  public Integer getMinInstances() {
    return minInstances;
  }

  public void setMinInstances(Integer minInstances) {
    this.minInstances = minInstances;
  }

  public Integer getMaxInstances() {
    return maxInstances;
  }

  public void setMaxInstances(Integer maxInstances) {
    this.maxInstances = maxInstances;
  }

  public Integer getCooldownSeconds() {
    return cooldownSeconds;
  }

  public void setCooldownSeconds(Integer cooldownSeconds) {
    this.cooldownSeconds = cooldownSeconds;
  }
}

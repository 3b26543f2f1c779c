package org.mecconpaas.manager.domain.model.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One pass of the autoscaler for one service: the inputs it saw and what it decided. Pure, so the
 * rules are tested without a cluster; every decision that changes something is recorded as an event
 * with its inputs.
 *
 * @param instances the role's instance count after the decision
 * @param reason the inputs and the rule that applied, for the event
 */
public record AutoscalingDecision(Action action, int instances, String reason) {

  public enum Action {
    OUT,
    IN,
    HOLD
  }

  /**
   * What the autoscaler measured: null where nothing was reported recently. {@code cpuPercent} is
   * the role's mean use of the CPU its instances are given.
   */
  public record Inputs(Double p95Millis, Double cpuPercent, Double requestsPerSecond) {}

  public static AutoscalingDecision decide(
      AutoscalingPolicy policy, int current, Inputs in, Instant lastScaled, Instant now) {
    String seen = describe(policy, in);
    if (lastScaled != null
        && now.isBefore(lastScaled.plus(Duration.ofSeconds(policy.cooldownSeconds())))) {
      return new AutoscalingDecision(Action.HOLD, current, "cooling down; " + seen);
    }
    if (current < policy.minInstances()) {
      return new AutoscalingDecision(
          Action.OUT, policy.minInstances(), "below the minimum " + policy.minInstances());
    }
    if (current > policy.maxInstances()) {
      return new AutoscalingDecision(
          Action.IN, policy.maxInstances(), "above the maximum " + policy.maxInstances());
    }
    boolean slow = in.p95Millis() != null && in.p95Millis() > policy.p95Millis();
    boolean hot = in.cpuPercent() != null && in.cpuPercent() > policy.cpuHighPercent();
    if ((slow || hot) && current < policy.maxInstances()) {
      return new AutoscalingDecision(
          Action.OUT, current + 1, (slow ? "p95 over objective" : "CPU over bound") + "; " + seen);
    }
    // in only when both say so: half the objective leaves room for the load of the removed one
    boolean fast = in.p95Millis() == null || in.p95Millis() < policy.p95Millis() / 2.0;
    boolean cool = in.cpuPercent() != null && in.cpuPercent() < policy.cpuLowPercent();
    if (fast && cool && current > policy.minInstances()) {
      return new AutoscalingDecision(
          Action.IN, current - 1, "p95 and CPU comfortably low; " + seen);
    }
    return new AutoscalingDecision(Action.HOLD, current, seen);
  }

  private static String describe(AutoscalingPolicy policy, Inputs in) {
    return String.format(
        Locale.ROOT,
        "p95 %s (objective %d ms), CPU %s (bounds %d-%d %%), %s req/s",
        in.p95Millis() == null ? "unknown" : String.format(Locale.ROOT, "%.0f ms", in.p95Millis()),
        policy.p95Millis(),
        in.cpuPercent() == null
            ? "unknown"
            : String.format(Locale.ROOT, "%.0f %%", in.cpuPercent()),
        policy.cpuLowPercent(),
        policy.cpuHighPercent(),
        in.requestsPerSecond() == null
            ? "unknown"
            : String.format(Locale.ROOT, "%.1f", in.requestsPerSecond()));
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.AutoscalingDecision;
import org.mecconpaas.manager.domain.model.service.AutoscalingDecision.Action;
import org.mecconpaas.manager.domain.model.service.AutoscalingPolicy;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.InstanceRepository;

/**
 * Autoscaling policies of web services, and the autoscaler that applies them: from the figures
 * instances reported lately (the proxy's p95 and request rate, the scaled role's CPU) it decides
 * with {@link AutoscalingDecision} and changes the role's count as a user's scale would, recording
 * every change as an event with the inputs it saw.
 */
@ApplicationScoped
@Transactional
public class Autoscaler {
  /** Figures older than this are not evidence of anything. */
  static final Duration FRESH = Duration.ofSeconds(15);

  static final String PROXY_ROLE = "proxy";

  @PersistenceContext(unitName = "mec")
  private EntityManager em;

  private ServiceOperations services;
  private InstanceRepository instances;
  private InstanceMetricsHistory metrics;
  private ServiceReconciler reconciler;
  private AuditTrail audit;
  private Clock clock;

  /** What a user sets; null fields take the defaults. */
  public record PolicyRequest(
      String role,
      Integer p95Millis,
      Integer cpuLowPercent,
      Integer cpuHighPercent,
      Integer minInstances,
      Integer maxInstances,
      Integer cooldownSeconds) {}

  protected Autoscaler() {}

  @Inject
  public Autoscaler(
      ServiceOperations services,
      InstanceRepository instances,
      InstanceMetricsHistory metrics,
      ServiceReconciler reconciler,
      AuditTrail audit,
      Clock clock) {
    this.services = services;
    this.instances = instances;
    this.metrics = metrics;
    this.reconciler = reconciler;
    this.audit = audit;
    this.clock = clock;
  }

  /** For tests outside the container. */
  public Autoscaler(
      EntityManager em,
      ServiceOperations services,
      InstanceRepository instances,
      InstanceMetricsHistory metrics,
      ServiceReconciler reconciler,
      AuditTrail audit,
      Clock clock) {
    this(services, instances, metrics, reconciler, audit, clock);
    this.em = em;
  }

  public Service setPolicy(Caller caller, String app, String svc, PolicyRequest request) {
    Service service = services.find(caller, app, svc);
    ServiceType type = ServiceOperations.type(service.type());
    if (type.autoscaledRole() == null) {
      throw new RuleViolation("type", "service type " + type.name() + " does not autoscale");
    }
    String roleName = request.role() == null ? type.autoscaledRole() : request.role();
    RoleSpec role =
        type.role(roleName)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "role", "service type " + type.name() + " has no role '" + roleName + "'"));
    int min = orDefault(request.minInstances(), Math.max(1, role.min()));
    int max = orDefault(request.maxInstances(), Math.min(role.max(), 4));
    AutoscalingPolicy policy =
        new AutoscalingPolicy(
            roleName,
            orDefault(request.p95Millis(), 200),
            orDefault(request.cpuLowPercent(), 20),
            orDefault(request.cpuHighPercent(), 70),
            min,
            max,
            orDefault(request.cooldownSeconds(), 30));
    List<RuleViolation.FieldError> errors = new ArrayList<>();
    policy.violations().forEach(m -> errors.add(new RuleViolation.FieldError("policy", m)));
    if (min < role.min() || max > role.max()) {
      errors.add(
          new RuleViolation.FieldError(
              "maxInstances",
              "role " + roleName + " allows " + role.min() + " to " + role.max() + " instances"));
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("invalid autoscaling policy: " + errors.get(0).message(), errors);
    }
    service.autoscale(policy);
    audit.success(
        caller.username(),
        "autoscale.policy",
        caller.userId(),
        service.application().name(),
        service.name(),
        describe(policy));
    return service;
  }

  public Service removePolicy(Caller caller, String app, String svc) {
    Service service = services.find(caller, app, svc);
    service.autoscale(null);
    audit.success(
        caller.username(),
        "autoscale.policy",
        caller.userId(),
        service.application().name(),
        service.name(),
        "removed");
    return service;
  }

  /** Services with a policy whose spec says RUNNING. */
  public List<Long> servicesToEvaluate() {
    return em.createQuery(
            "SELECT s.id FROM Service s WHERE s.autoscaling.role IS NOT NULL AND s.desiredState ="
                + " :running",
            Long.class)
        .setParameter("running", ServiceState.RUNNING)
        .getResultList();
  }

  /**
   * One autoscaler pass over one service. Nothing is decided while the service is still adapting to
   * the previous change, nor on figures older than {@link #FRESH}.
   *
   * @return the decision, empty when there was nothing to decide on
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<AutoscalingDecision> evaluate(long serviceId) {
    Service service = em.find(Service.class, serviceId);
    if (service == null || service.state() != ServiceState.RUNNING) {
      return Optional.empty();
    }
    Optional<AutoscalingPolicy> maybePolicy = service.autoscaling();
    if (maybePolicy.isEmpty()) {
      return Optional.empty();
    }
    AutoscalingPolicy policy = maybePolicy.get();
    Instant now = clock.instant();
    List<Instance> all = instances.of(service).stream().filter(i -> !i.removing()).toList();
    int allowance =
        org.mecconpaas.manager.domain.model.placement.ResourceRequest.of(
                ServiceOperations.type(service.type()), policy.role())
            .cpuMillis();
    AutoscalingDecision.Inputs inputs = inputs(all, policy.role(), allowance, now);
    int current = service.roles().getOrDefault(policy.role(), 0);
    AutoscalingDecision decision =
        AutoscalingDecision.decide(policy, current, inputs, service.autoscaledAt(), now);
    if (decision.action() == Action.HOLD) {
      return Optional.of(decision);
    }
    String action = decision.action() == Action.OUT ? "autoscale.out" : "autoscale.in";
    String change = policy.role() + " " + current + " -> " + decision.instances();
    if (decision.action() == Action.OUT
        && !reconciler
            .unplaceable(service, Map.of(policy.role(), decision.instances()))
            .isEmpty()) {
      audit.failure(
          "autoscaler",
          action,
          service.application().owner().id(),
          service.application().name(),
          service.name(),
          change + " refused: no node has room; " + decision.reason());
      service.autoscaled(policy.role(), current, now); // wait a cool-down before asking again
      return Optional.of(new AutoscalingDecision(Action.HOLD, current, "no room"));
    }
    service.autoscaled(policy.role(), decision.instances(), now);
    audit.success(
        "autoscaler",
        action,
        service.application().owner().id(),
        service.application().name(),
        service.name(),
        change + ": " + decision.reason());
    return Optional.of(decision);
  }

  /**
   * The proxy's latest fresh figures and the scaled role's mean fresh CPU, as a share of what each
   * instance is given ({@code cpuPercent} counts percent of one core; a PHP backend gets a quarter
   * of one, so 25 % of a core is 100 % of its allowance).
   */
  private AutoscalingDecision.Inputs inputs(
      List<Instance> all, String role, int cpuMillisEach, Instant now) {
    Instant since = now.minus(FRESH);
    Map<String, Double> proxy =
        all.stream()
            .filter(i -> i.role().equals(PROXY_ROLE) && i.state() == InstanceState.RUNNING)
            .map(i -> metrics.since(i.name(), since))
            .filter(samples -> !samples.isEmpty())
            .map(samples -> samples.get(samples.size() - 1).values())
            .findFirst()
            .orElse(Map.of());
    OptionalDouble cpu =
        all.stream()
            .filter(i -> i.role().equals(role) && i.state() == InstanceState.RUNNING)
            .map(i -> metrics.since(i.name(), since))
            .filter(samples -> !samples.isEmpty())
            .map(samples -> samples.get(samples.size() - 1).values().get("cpuPercent"))
            .filter(java.util.Objects::nonNull)
            .mapToDouble(percentOfOneCore -> percentOfOneCore * 1000.0 / cpuMillisEach)
            .average();
    return new AutoscalingDecision.Inputs(
        proxy.get("p95Millis"),
        cpu.isPresent() ? cpu.getAsDouble() : null,
        proxy.get("requestsPerSecond"));
  }

  static String describe(AutoscalingPolicy policy) {
    return "role "
        + policy.role()
        + ", p95 objective "
        + policy.p95Millis()
        + " ms, CPU "
        + policy.cpuLowPercent()
        + "-"
        + policy.cpuHighPercent()
        + " %, "
        + policy.minInstances()
        + ".."
        + policy.maxInstances()
        + " instances, cool-down "
        + policy.cooldownSeconds()
        + " s";
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}

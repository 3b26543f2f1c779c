package org.mecconpaas.manager.domain.model.service;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.application.Application;

/**
 * One catalog service deployed for an application. The API only changes the desired side (spec,
 * desired state) and the generation; the reconcile loop moves the observed state toward it.
 */
@Entity
@Table(name = "services")
@NamedQuery(
    name = "Service.ofApplication",
    query = "SELECT s FROM Service s WHERE s.application.id = :appId ORDER BY s.name",
    // roles of all listed services in one more query, not one query per service
    hints = {
      @QueryHint(name = "eclipselink.batch", value = "s.roles"),
      @QueryHint(name = "eclipselink.batch.type", value = "IN")
    })
@NamedQuery(
    name = "Service.byApplicationAndName",
    query = "SELECT s FROM Service s WHERE s.application.id = :appId AND s.name = :name")
@NamedQuery(
    name = "Service.countByApplication",
    query =
        "SELECT s.application.id, COUNT(s) FROM Service s WHERE s.application.owner.id = :ownerId"
            + " GROUP BY s.application.id")
public class Service {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "services_seq")
  @SequenceGenerator(name = "services_seq", sequenceName = "services_seq", allocationSize = 20)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id")
  private Application application;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(name = "service_type", nullable = false)
  private String type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceState state;

  @Enumerated(EnumType.STRING)
  @Column(name = "desired_state", nullable = false)
  private ServiceState desiredState;

  @Column(name = "phase_message", length = 1024)
  private String phaseMessage;

  @Enumerated(EnumType.STRING)
  @Column(name = "placement_policy", nullable = false)
  private PlacementPolicy placementPolicy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "service_roles", joinColumns = @JoinColumn(name = "service_id"))
  @MapKeyColumn(name = "role_name")
  @Column(name = "instance_count")
  private Map<String, Integer> roles = new LinkedHashMap<>();

  @Column(nullable = false)
  private long generation;

  @Column(name = "active_code_version")
  private Integer activeCodeVersion;

  /** The version active before the current one: where a refused rollout falls back to. */
  @Column(name = "previous_code_version")
  private Integer previousCodeVersion;

  /** Validated settings for the roles (e.g. PHP's {@code memory_limit}), by name. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "service_settings", joinColumns = @JoinColumn(name = "service_id"))
  @MapKeyColumn(name = "setting_name")
  @Column(name = "setting_value")
  private Map<String, String> settings = new LinkedHashMap<>();

  @jakarta.persistence.Embedded private AutoscalingPolicy autoscaling;

  @jakarta.persistence.Embedded private PlacementConstraints placement;

  @Column(name = "autoscaled_at")
  private Instant autoscaledAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "lock_version", nullable = false)
  private long lockVersion;

  @Column(name = "membership_generation", nullable = false)
  private long membershipGeneration;

  @Column(name = "run_count", nullable = false)
  private int runCount;

  @Column(name = "interrupt_count", nullable = false)
  private int interruptCount;

  @Column(name = "cleanup_count", nullable = false)
  private int cleanupCount;

  protected Service() {}

  public Service(
      Application application,
      String name,
      String type,
      PlacementPolicy placementPolicy,
      Map<String, Integer> roles,
      Instant now) {
    this.application = application;
    this.name = name;
    this.type = type;
    this.placementPolicy = placementPolicy;
    this.roles = new LinkedHashMap<>(roles);
    this.state = ServiceState.INIT;
    this.desiredState = ServiceState.INIT;
    this.generation = 1;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Records the wish to run; the reconcile loop takes it from PROLOGUE to RUNNING. */
  public ServiceState start(Instant now) {
    if (!state.canStart()) {
      throw new StateConflict("service " + name + " is " + state + " and cannot be started");
    }
    return moveTo(ServiceState.PROLOGUE, ServiceState.RUNNING, "waiting for placement", now);
  }

  /** Records the wish to stop. Definition, code versions and settings are kept. */
  public ServiceState stop(Instant now) {
    if (!state.canStop()) {
      throw new StateConflict("service " + name + " is " + state + " and cannot be stopped");
    }
    return moveTo(ServiceState.EPILOGUE, ServiceState.STOPPED, "releasing instances", now);
  }

  /** The reconcile loop observed the service's instances; records the state it derived. */
  public ServiceState observe(ServiceState observed, String message, Instant now) {
    ServiceState previous = state;
    String shown =
        message == null || message.length() <= 1024 ? message : message.substring(0, 1024);
    if (previous != observed || !java.util.Objects.equals(phaseMessage, shown)) {
      state = observed;
      phaseMessage = shown;
      updatedAt = now;
    }
    return previous;
  }

  /** The set of instances or their nodes changed: surviving instances run notify.sh. */
  public void membershipChanged() {
    membershipGeneration++;
  }

  /** Asks every instance to run one of the generic service's scripts once more. */
  public void trigger(Script script, Instant now) {
    switch (script) {
      case RUN -> runCount++;
      case INTERRUPT -> interruptCount++;
      case CLEANUP -> cleanupCount++;
    }
    updatedAt = now;
  }

  public long membershipGeneration() {
    return membershipGeneration;
  }

  public int runCount() {
    return runCount;
  }

  public int interruptCount() {
    return interruptCount;
  }

  public int cleanupCount() {
    return cleanupCount;
  }

  private ServiceState moveTo(
      ServiceState observed, ServiceState desired, String message, Instant now) {
    ServiceState previous = state;
    state = observed;
    desiredState = desired;
    phaseMessage = message;
    generation++;
    updatedAt = now;
    return previous;
  }

  /**
   * One change of the spec, one new generation. Roles not named keep their counts; a null policy
   * keeps the current one.
   */
  public void respec(PlacementPolicy policy, Map<String, Integer> counts, Instant now) {
    if (policy != null) {
      this.placementPolicy = policy;
    }
    roles.putAll(counts);
    changedSpec(now);
  }

  public void activate(int codeVersion, Instant now) {
    if (activeCodeVersion != null && activeCodeVersion != codeVersion) {
      previousCodeVersion = activeCodeVersion;
    }
    this.activeCodeVersion = codeVersion;
    changedSpec(now);
  }

  /**
   * Goes back to the version active before, after the current one was refused on an instance.
   *
   * @return the version now active, or empty when there is none to go back to
   */
  public java.util.Optional<Integer> rollBack(Instant now) {
    if (previousCodeVersion == null) {
      return java.util.Optional.empty();
    }
    activeCodeVersion = previousCodeVersion;
    previousCodeVersion = null;
    changedSpec(now);
    return java.util.Optional.of(activeCodeVersion);
  }

  public Integer previousCodeVersion() {
    return previousCodeVersion;
  }

  /** Replaces the settings (already validated against the catalog); a new generation. */
  public void configure(Map<String, String> newSettings, Instant now) {
    settings.clear();
    settings.putAll(newSettings);
    changedSpec(now);
  }

  public Map<String, String> settings() {
    return Collections.unmodifiableMap(settings);
  }

  /** The policy's point, radius, user distance and labels; a new generation. */
  public void place(PlacementPolicy policy, PlacementConstraints constraints, Instant now) {
    this.placementPolicy = policy;
    this.placement = constraints;
    changedSpec(now);
  }

  /** Never null: without constraints, an empty set of them. */
  public PlacementConstraints placement() {
    return placement == null ? new PlacementConstraints(null, null, null, null) : placement;
  }

  /** Sets or (with null) removes the autoscaling policy. */
  public void autoscale(AutoscalingPolicy policy) {
    this.autoscaling = policy;
  }

  public java.util.Optional<AutoscalingPolicy> autoscaling() {
    return autoscaling != null && autoscaling.isSet()
        ? java.util.Optional.of(autoscaling)
        : java.util.Optional.empty();
  }

  /** The autoscaler changed the role's count: a new generation, and the cool-down starts. */
  public void autoscaled(String role, int count, Instant now) {
    roles.put(role, count);
    autoscaledAt = now;
    changedSpec(now);
  }

  public Instant autoscaledAt() {
    return autoscaledAt;
  }

  private void changedSpec(Instant now) {
    generation++;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public Application application() {
    return application;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public ServiceState state() {
    return state;
  }

  public ServiceState desiredState() {
    return desiredState;
  }

  public String phaseMessage() {
    return phaseMessage;
  }

  public PlacementPolicy placementPolicy() {
    return placementPolicy;
  }

  public Map<String, Integer> roles() {
    return Collections.unmodifiableMap(roles);
  }

  public long generation() {
    return generation;
  }

  public Integer activeCodeVersion() {
    return activeCodeVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.catalog.RoleFiles;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.catalog.SettingSpec;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.PlacementConstraints;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Script;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.InstanceRepository;
import org.mecconpaas.manager.infrastructure.persistence.ServiceRepository;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;

/**
 * Services of the caller's applications: create from the catalog, change the spec, start, stop,
 * delete, scale, trigger scripts. Start and stop record the desired state; the reconcile loop
 * provisions.
 */
@ApplicationScoped
@Transactional
public class ServiceOperations {
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  /**
   * Whether the node agents can run the type: generic runs the user's scripts; a catalog type needs
   * a role runner (docs/role-runners.md) for every one of its roles.
   */
  static boolean runnable(String type) {
    return "generic".equals(type)
        || CATALOG
            .find(type)
            .map(t -> t.roles().stream().allMatch(r -> RoleFiles.of(type, r.name()).isPresent()))
            .orElse(false);
  }

  /** What a developer may change on a service; absent fields stay as they are. */
  public record SpecChange(
      Optional<String> placementPolicy, Optional<Map<String, Integer>> roles) {}

  private ApplicationOperations applications;
  private ServiceRepository services;
  private InstanceRepository instances;
  private ServiceReconciler reconciler;
  private CodeStore codeStore;
  private AuditTrail audit;
  private Clock clock;

  @Inject private jakarta.enterprise.event.Event<ServiceChanged> changes;

  protected ServiceOperations() {}

  @Inject
  public ServiceOperations(
      ApplicationOperations applications,
      ServiceRepository services,
      InstanceRepository instances,
      ServiceReconciler reconciler,
      CodeStore codeStore,
      AuditTrail audit,
      Clock clock) {
    this.applications = applications;
    this.services = services;
    this.instances = instances;
    this.reconciler = reconciler;
    this.codeStore = codeStore;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Service> list(Caller caller, String app) {
    return services.of(applications.find(caller, app));
  }

  public Service find(Caller caller, String app, String name) {
    Application application = applications.find(caller, app);
    return services
        .byName(application, name)
        .orElseThrow(() -> new ResourceNotFound("service " + name + " not found in " + app));
  }

  public Service create(
      Caller caller,
      String app,
      String name,
      String typeName,
      String placementPolicy,
      Map<String, Integer> roles) {
    Application application = applications.find(caller, app);
    DnsLabel.require("name", name);
    ServiceType type = type(typeName);
    PlacementPolicy policy = policy(placementPolicy == null ? "spread" : placementPolicy);
    Map<String, Integer> startSet = type.defaultStartSet();
    if (roles != null) {
      checkRoles(type, roles);
      startSet.putAll(roles);
    }
    if (services.byName(application, name).isPresent()) {
      throw new StateConflict("application " + app + " already has a service named " + name);
    }
    Service service =
        services.add(
            new Service(application, name, type.name(), policy, startSet, clock.instant()));
    record(caller, service, "service.create", "type " + type.name() + ", roles " + startSet);
    return service;
  }

  public Service change(Caller caller, String app, String name, SpecChange change) {
    Service service = find(caller, app, name);
    Instant now = clock.instant();
    Optional<PlacementPolicy> policy = change.placementPolicy().map(ServiceOperations::policy);
    change.roles().ifPresent(r -> checkRoles(type(service.type()), r));
    change.roles().ifPresent(r -> checkCapacity(service, r));
    service.respec(policy.orElse(null), change.roles().orElse(Map.of()), now);
    record(caller, service, "service.update", "generation " + service.generation());
    return service;
  }

  public Service start(Caller caller, String app, String name) {
    Service service = find(caller, app, name);
    if (!runnable(service.type())) {
      // the agents have no role runner for it yet: starting would report RUNNING with nothing
      // running, so say it plainly instead
      throw new RuleViolation(
          "type", "service type " + service.type() + " has no role runners yet: it cannot start");
    }
    ServiceState from = transition(caller, service, "service.start", s -> s.start(clock.instant()));
    record(caller, service, "service.state", from + " -> " + service.state());
    return service;
  }

  /** Stops a service: EPILOGUE until its nodes confirm the containers are gone, then STOPPED. */
  public Service stop(Caller caller, String app, String name) {
    Service service = find(caller, app, name);
    ServiceState from = transition(caller, service, "service.stop", s -> s.stop(clock.instant()));
    record(caller, service, "service.state", from + " -> " + service.state());
    return service;
  }

  /**
   * Sets instance counts per role. Refused without any change when a count is outside the catalog's
   * bounds or, for a service that runs, when the nodes cannot hold the new instances.
   */
  public Service scale(Caller caller, String app, String name, Map<String, Integer> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new RuleViolation("roles", "name at least one role and its instance count");
    }
    return change(caller, app, name, new SpecChange(Optional.empty(), Optional.of(roles)));
  }

  /** Asks every instance of a generic service to run one of its scripts. */
  public Service trigger(Caller caller, String app, String name, Script script) {
    Service service = find(caller, app, name);
    if (!service.type().equals("generic")) {
      throw new RuleViolation("script", "only generic services have user scripts");
    }
    if (service.desiredState() != ServiceState.RUNNING) {
      throw new StateConflict("service " + name + " is not running");
    }
    if (script != Script.INTERRUPT
        && instances.of(service).stream().anyMatch(Instance::scriptRunning)) {
      throw new StateConflict(
          "a script is still running; interrupt it first or wait until it ends");
    }
    service.trigger(script, clock.instant());
    record(caller, service, "service.script", script.name().toLowerCase() + ".sh requested");
    return service;
  }

  /** The service's instances, where they run and how they are doing. */
  public List<Instance> instances(Caller caller, String app, String name) {
    return instances.of(find(caller, app, name));
  }

  /**
   * Where users reach the service: its first role's first instance (the web services' proxy,
   * Flink's JobManager and dashboard, the generic master) once it runs; empty before.
   */
  public Optional<String> endpoint(Service service) {
    String entryRole = type(service.type()).roles().get(0).name();
    return instances.of(service).stream()
        .filter(i -> i.role().equals(entryRole) && i.slot() == 0 && !i.removing())
        .filter(i -> i.state() == InstanceState.RUNNING && i.address() != null)
        .map(i -> "http://" + i.address() + ":" + i.port())
        .findFirst();
  }

  /**
   * Replaces the service's settings (names and values as the catalog allows; a null value removes
   * one). Refused as a whole with one message per problem, nothing changed. Running roles restart
   * with the new settings.
   */
  public Service configure(Caller caller, String app, String name, Map<String, String> settings) {
    Service service = find(caller, app, name);
    ServiceType type = type(service.type());
    Map<String, String> next = new java.util.TreeMap<>(service.settings());
    List<RuleViolation.FieldError> errors = new java.util.ArrayList<>();
    settings.forEach(
        (key, value) -> {
          Optional<SettingSpec> spec = type.setting(key);
          if (spec.isEmpty()) {
            errors.add(
                new RuleViolation.FieldError(
                    key,
                    "service type "
                        + type.name()
                        + " has no setting '"
                        + key
                        + "'"
                        + (type.settings().isEmpty()
                            ? ""
                            : " (known: "
                                + type.settings().stream()
                                    .map(SettingSpec::name)
                                    .collect(java.util.stream.Collectors.joining(", "))
                                + ")")));
          } else if (value == null) {
            next.remove(key);
          } else {
            spec.get()
                .violation(value)
                .ifPresentOrElse(
                    problem -> errors.add(new RuleViolation.FieldError(key, problem)),
                    () -> next.put(key, value));
          }
        });
    if (!errors.isEmpty()) {
      throw new RuleViolation("invalid settings: " + errors.get(0).message(), errors);
    }
    service.configure(next, clock.instant());
    record(caller, service, "service.settings", next.toString());
    return service;
  }

  /** A placement policy with its constraints, as users set it. */
  public record PlacementRequest(
      String policy,
      Double nearLatitude,
      Double nearLongitude,
      Double nearRadiusMeters,
      Double maxUserDistanceMeters,
      java.util.Set<String> nodeLabels,
      java.util.Set<String> users) {

    /** Without users: every client counts for {@code near-users}. */
    public PlacementRequest(
        String policy,
        Double nearLatitude,
        Double nearLongitude,
        Double nearRadiusMeters,
        Double maxUserDistanceMeters,
        java.util.Set<String> nodeLabels) {
      this(
          policy,
          nearLatitude,
          nearLongitude,
          nearRadiusMeters,
          maxUserDistanceMeters,
          nodeLabels,
          null);
    }
  }

  /**
   * Sets the placement policy and its constraints; 422 with every problem and nothing changed when
   * they do not make sense or cannot be met now ({@code near} with no node in its radius).
   * Instances move only as they are (re)placed, or when follow-me migrates them.
   */
  public Service place(Caller caller, String app, String name, PlacementRequest request) {
    Service service = find(caller, app, name);
    PlacementPolicy policy = policy(request.policy() == null ? "spread" : request.policy());
    org.mecconpaas.manager.domain.model.placement.GeoPoint near = null;
    List<RuleViolation.FieldError> errors = new java.util.ArrayList<>();
    if (request.nearLatitude() != null || request.nearLongitude() != null) {
      try {
        near =
            new org.mecconpaas.manager.domain.model.placement.GeoPoint(
                request.nearLatitude() == null ? Double.NaN : request.nearLatitude(),
                request.nearLongitude() == null ? Double.NaN : request.nearLongitude());
      } catch (IllegalArgumentException e) {
        errors.add(new RuleViolation.FieldError("near", e.getMessage()));
      }
    }
    PlacementConstraints constraints =
        new PlacementConstraints(
            near,
            request.nearRadiusMeters(),
            request.maxUserDistanceMeters(),
            request.nodeLabels() == null ? java.util.Set.of() : request.nodeLabels(),
            request.users() == null ? java.util.Set.of() : request.users());
    if (errors.isEmpty()) {
      constraints
          .violations(policy)
          .forEach(m -> errors.add(new RuleViolation.FieldError("placement", m)));
    }
    if (errors.isEmpty() && policy == PlacementPolicy.NEAR) {
      org.mecconpaas.manager.domain.model.placement.GeoPoint point = near;
      boolean reachable =
          reconciler.nodesFor(service).stream()
              .anyMatch(
                  n ->
                      n.position() != null
                          && n.labels().containsAll(constraints.labels())
                          && n.position().distanceMeters(point) <= constraints.nearRadiusMeters());
      if (!reachable) {
        errors.add(
            new RuleViolation.FieldError(
                "near",
                "no node within "
                    + Math.round(constraints.nearRadiusMeters())
                    + " m of "
                    + point.latitude()
                    + ", "
                    + point.longitude()));
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("placement cannot work: " + errors.get(0).message(), errors);
    }
    service.place(policy, constraints, clock.instant());
    record(caller, service, "service.placement", policy.label());
    return service;
  }

  /** One instance of one of the caller's services. */
  public Instance instance(Caller caller, String app, String name, String instanceName) {
    return instances(caller, app, name).stream()
        .filter(i -> i.name().equals(instanceName))
        .findFirst()
        .orElseThrow(() -> new ResourceNotFound("instance " + instanceName + " not found"));
  }

  private ServiceState transition(
      Caller caller,
      Service service,
      String action,
      java.util.function.Function<Service, ServiceState> change) {
    try {
      return change.apply(service);
    } catch (StateConflict refused) {
      audit.failure(
          caller.username(),
          action,
          caller.userId(),
          service.application().name(),
          service.name(),
          refused.getMessage());
      throw refused;
    }
  }

  /** Deletes a service with its code versions; only at rest, so no instance is left behind. */
  public void delete(Caller caller, String app, String name) {
    Service service = find(caller, app, name);
    if (!service.state().isAtRest()) {
      throw new StateConflict(
          "service " + name + " is " + service.state() + "; stop it before deleting");
    }
    codeStore.removeAllAfterCommit(service.id());
    services.remove(service);
    record(caller, service, "service.delete", null);
  }

  private void record(Caller caller, Service service, String action, String detail) {
    if (changes != null) { // null outside the container (tests call the loop themselves)
      changes.fire(new ServiceChanged(service.id()));
    }
    audit.success(
        caller.username(),
        action,
        caller.userId(),
        service.application().name(),
        service.name(),
        detail);
  }

  /**
   * Role counts in the order the catalog lists the type's roles (the generic master first), with
   * {@code overrides} applied: placement plans slots in this order, and people read them so.
   */
  public static Map<String, Integer> inCatalogOrder(
      Service service, Map<String, Integer> overrides) {
    Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
    type(service.type())
        .roles()
        .forEach(
            r ->
                ordered.put(
                    r.name(),
                    overrides.getOrDefault(r.name(), service.roles().getOrDefault(r.name(), 0))));
    return ordered;
  }

  static ServiceType type(String typeName) {
    return CATALOG
        .find(typeName == null ? "" : typeName)
        .orElseThrow(() -> new RuleViolation("type", "unknown service type '" + typeName + "'"));
  }

  private static PlacementPolicy policy(String label) {
    return PlacementPolicy.ofLabel(label)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "placementPolicy",
                    "placementPolicy must be one of spread, pack, near, near-users"));
  }

  private void checkCapacity(Service service, Map<String, Integer> counts) {
    if (service.desiredState() != ServiceState.RUNNING) {
      return; // placement happens at start, where missing capacity is reported on the service
    }
    Map<String, Integer> wanted = new java.util.LinkedHashMap<>(service.roles());
    wanted.putAll(counts);
    List<org.mecconpaas.manager.domain.model.placement.PlacementPlan.Slot> missing =
        reconciler.unplaceable(service, wanted);
    if (!missing.isEmpty()) {
      throw new RuleViolation(
          "roles",
          "not enough capacity on the nodes that are up: "
              + missing.size()
              + " instance(s) could not be placed");
    }
  }

  private static void checkRoles(ServiceType type, Map<String, Integer> roles) {
    List<String> problems = type.violations(roles);
    if (!problems.isEmpty()) {
      throw new RuleViolation(
          String.join("; ", problems),
          problems.stream().map(p -> new RuleViolation.FieldError("roles", p)).toList());
    }
  }
}

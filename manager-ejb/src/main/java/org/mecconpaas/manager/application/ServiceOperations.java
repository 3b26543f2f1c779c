package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.ServiceRepository;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;

/**
 * Services of the caller's applications: create from the catalog, change the spec, start, stop,
 * delete. Start and stop record the desired state; the reconcile loop provisions.
 */
@ApplicationScoped
@Transactional
public class ServiceOperations {
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  /** What a developer may change on a service; absent fields stay as they are. */
  public record SpecChange(
      Optional<String> placementPolicy, Optional<Map<String, Integer>> roles) {}

  private ApplicationOperations applications;
  private ServiceRepository services;
  private CodeStore codeStore;
  private AuditTrail audit;
  private Clock clock;

  protected ServiceOperations() {}

  @Inject
  public ServiceOperations(
      ApplicationOperations applications,
      ServiceRepository services,
      CodeStore codeStore,
      AuditTrail audit,
      Clock clock) {
    this.applications = applications;
    this.services = services;
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
    service.respec(policy.orElse(null), change.roles().orElse(Map.of()), now);
    record(caller, service, "service.update", "generation " + service.generation());
    return service;
  }

  public Service start(Caller caller, String app, String name) {
    Service service = find(caller, app, name);
    ServiceState from = transition(caller, service, "service.start", s -> s.start(clock.instant()));
    record(caller, service, "service.state", from + " -> " + service.state());
    return service;
  }

  /**
   * Stops a service. Until instances are provisioned (edge agents), nothing runs, so the EPILOGUE
   * ends at once and both transitions are recorded.
   */
  public Service stop(Caller caller, String app, String name) {
    Service service = find(caller, app, name);
    ServiceState from = transition(caller, service, "service.stop", s -> s.stop(clock.instant()));
    record(caller, service, "service.state", from + " -> " + ServiceState.EPILOGUE);
    service.released(clock.instant());
    record(caller, service, "service.state", ServiceState.EPILOGUE + " -> " + service.state());
    return service;
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
    audit.success(
        caller.username(),
        action,
        caller.userId(),
        service.application().name(),
        service.name(),
        detail);
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

  private static void checkRoles(ServiceType type, Map<String, Integer> roles) {
    List<String> problems = type.violations(roles);
    if (!problems.isEmpty()) {
      throw new RuleViolation(
          String.join("; ", problems),
          problems.stream().map(p -> new RuleViolation.FieldError("roles", p)).toList());
    }
  }
}

package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.application.Application;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.persistence.ApplicationRepository;
import org.mecconpaas.manager.infrastructure.persistence.ServiceRepository;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;

/** A developer's applications. Every lookup is within the caller's own applications. */
@ApplicationScoped
@Transactional
public class ApplicationOperations {
  static final int MAX_DESCRIPTION = 1024;

  /** An application with the number of services it holds, for listings. */
  public record ApplicationSummary(Application application, long services) {}

  private ApplicationRepository applications;
  private ServiceRepository services;
  private UserRepository users;
  private CodeStore codeStore;
  private AuditTrail audit;
  private Clock clock;

  protected ApplicationOperations() {}

  @Inject
  public ApplicationOperations(
      ApplicationRepository applications,
      ServiceRepository services,
      UserRepository users,
      CodeStore codeStore,
      AuditTrail audit,
      Clock clock) {
    this.applications = applications;
    this.services = services;
    this.users = users;
    this.codeStore = codeStore;
    this.audit = audit;
    this.clock = clock;
  }

  public List<ApplicationSummary> list(Caller caller) {
    Map<Long, Long> counts = applications.serviceCounts(caller.userId());
    return applications.ofOwner(caller.userId()).stream()
        .map(a -> new ApplicationSummary(a, counts.getOrDefault(a.id(), 0L)))
        .toList();
  }

  public ApplicationSummary get(Caller caller, String name) {
    Application application = find(caller, name);
    return new ApplicationSummary(application, services.of(application).size());
  }

  /** The caller's application of that name; another tenant's is reported as missing. */
  public Application find(Caller caller, String name) {
    return applications
        .byOwnerAndName(caller.userId(), name)
        .orElseThrow(() -> new ResourceNotFound("application " + name + " not found"));
  }

  public Application create(Caller caller, String name, String description) {
    DnsLabel.require("name", name);
    checkDescription(description);
    requireFreeName(caller, name);
    Application application =
        applications.add(
            new Application(
                users.byId(caller.userId()).orElseThrow(), name, description, clock.instant()));
    audit.success(caller.username(), "application.create", caller.userId(), name, null, null);
    return application;
  }

  /** Renames and/or re-describes; fields left null stay as they are. */
  public ApplicationSummary update(
      Caller caller, String name, Optional<String> newName, Optional<String> description) {
    Application application = find(caller, name);
    description.ifPresent(ApplicationOperations::checkDescription);
    if (newName.isPresent() && !newName.get().equals(name)) {
      DnsLabel.require("name", newName.get());
      requireFreeName(caller, newName.get());
      application.rename(newName.get());
      audit.success(
          caller.username(),
          "application.rename",
          caller.userId(),
          newName.get(),
          null,
          "renamed from " + name);
    }
    description.ifPresent(application::describe);
    return new ApplicationSummary(application, services.of(application).size());
  }

  /** Deletes an application and its services; refused while any service is not at rest. */
  public void delete(Caller caller, String name) {
    Application application = find(caller, name);
    List<Service> owned = services.of(application);
    owned.stream()
        .filter(s -> !s.state().isAtRest())
        .findFirst()
        .ifPresent(
            s -> {
              throw new StateConflict(
                  "service " + s.name() + " is " + s.state() + "; stop it before deleting");
            });
    for (Service service : owned) {
      codeStore.removeAllAfterCommit(service.id());
      services.remove(service);
    }
    applications.remove(application);
    audit.success(caller.username(), "application.delete", caller.userId(), name, null, null);
  }

  private void requireFreeName(Caller caller, String name) {
    if (applications.byOwnerAndName(caller.userId(), name).isPresent()) {
      throw new StateConflict("you already have an application named " + name);
    }
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new RuleViolation(
          "description", "description must have at most " + MAX_DESCRIPTION + " characters");
    }
  }
}

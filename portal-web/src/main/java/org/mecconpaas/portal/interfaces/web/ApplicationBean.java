package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.ApplicationOperations;
import org.mecconpaas.manager.application.ApplicationOperations.ApplicationSummary;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** One application: its services, and the form that adds one from the catalog. */
@Named
@ViewScoped
public class ApplicationBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  /** A service in the application's list. */
  public record ServiceRow(
      String name,
      String type,
      String state,
      String phaseMessage,
      String roles,
      Integer activeCodeVersion,
      String endpoint,
      Instant updatedAt)
      implements Serializable {}

  @Inject private transient ApplicationOperations applications;
  @Inject private transient ServiceOperations services;
  @Inject private transient CurrentCaller caller;

  private String name;
  private boolean found;
  private String description;
  private List<ServiceRow> rows = List.of();

  private String serviceName;
  private String serviceType = "generic";
  private String placementPolicy = "spread";
  private Map<String, Integer> roles = new LinkedHashMap<>();

  /** The view action: loads the application named in the address. */
  public void load() {
    try {
      ApplicationSummary summary = applications.get(caller.get(), name);
      description = summary.application().description();
      rows =
          services.list(caller.get(), name).stream()
              .map(s -> row(s, services.endpoint(s).orElse(null)))
              .toList();
      found = true;
      if (roles.isEmpty()) {
        typeChanged();
      }
    } catch (ResourceNotFound | IllegalArgumentException missing) {
      found = false;
      rows = List.of();
    }
  }

  static ServiceRow row(Service s, String endpoint) {
    StringBuilder roles = new StringBuilder();
    s.roles()
        .forEach(
            (role, count) ->
                roles.append(roles.isEmpty() ? "" : ", ").append(role).append(' ').append(count));
    return new ServiceRow(
        s.name(),
        s.type(),
        s.state().name(),
        s.phaseMessage(),
        roles.toString(),
        s.activeCodeVersion(),
        endpoint,
        s.updatedAt());
  }

  /** The chosen type changed: role counts start from its default start set. */
  public void typeChanged() {
    roles =
        CATALOG.find(serviceType).map(ServiceType::defaultStartSet).orElseGet(LinkedHashMap::new);
  }

  public String addService() {
    try {
      services.create(caller.get(), name, serviceName, serviceType, placementPolicy, roles);
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of(
              "name", "add:serviceName",
              "type", "add:serviceType",
              "placementPolicy", "add:placement",
              "roles", "add:roles"),
          "add:serviceName");
      return null;
    }
    return "/portal/service?faces-redirect=true&app=" + name + "&name=" + serviceName;
  }

  public void deleteService(ServiceRow row) {
    try {
      ConflictRetry.run(() -> services.delete(caller.get(), name, row.name()));
      Feedback.info("Service " + row.name() + " deleted");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  public List<ServiceType> getTypes() {
    return CATALOG.types();
  }

  public List<RoleSpec> getTypeRoles() {
    return CATALOG.find(serviceType).map(ServiceType::roles).orElse(List.of());
  }

  public List<String> getPlacementPolicies() {
    return List.of("spread", "pack", "near", "near-users");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isFound() {
    return found;
  }

  public String getDescription() {
    return description;
  }

  public List<ServiceRow> getRows() {
    return rows;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName == null ? null : serviceName.trim();
  }

  public String getServiceType() {
    return serviceType;
  }

  public void setServiceType(String serviceType) {
    this.serviceType = serviceType;
  }

  public String getPlacementPolicy() {
    return placementPolicy;
  }

  public void setPlacementPolicy(String placementPolicy) {
    this.placementPolicy = placementPolicy;
  }

  public Map<String, Integer> getRoles() {
    return roles;
  }
}

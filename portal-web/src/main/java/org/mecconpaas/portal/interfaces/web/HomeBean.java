package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.ApplicationOperations;
import org.mecconpaas.manager.application.ApplicationOperations.ApplicationSummary;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** The signed-in user's start page: their applications and the catalog. */
@Named
@RequestScoped
public class HomeBean {
  @Inject private ApplicationOperations applications;
  @Inject private CurrentCaller caller;

  private List<ApplicationSummary> loaded;

  public String getUsername() {
    return caller.get().username();
  }

  public List<ApplicationSummary> getApplications() {
    if (loaded == null) {
      loaded = applications.list(caller.get());
    }
    return loaded;
  }

  public List<ServiceType> getCatalog() {
    return ServiceCatalog.standard().types();
  }

  public String roleNames(ServiceType type) {
    return type.roles().stream().map(RoleSpec::name).collect(Collectors.joining(", "));
  }
}

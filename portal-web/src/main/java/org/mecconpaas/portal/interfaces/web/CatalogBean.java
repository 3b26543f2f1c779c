package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;

/** The catalog page: every service type, its roles and the code it takes. */
@Named
@ApplicationScoped
public class CatalogBean {
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  public List<ServiceType> getTypes() {
    return CATALOG.types();
  }

  /** "zip, tar.gz", or a note for types that take no code. */
  public String formats(ServiceType type) {
    return formatsOf(type);
  }

  static String formatsOf(ServiceType type) {
    return type.codeFormats().isEmpty()
        ? "no code: configured only"
        : type.codeFormats().stream()
            .map(CodeFormat::label)
            .sorted()
            .collect(Collectors.joining(", "));
  }

  /** "exactly 1", "0 to 32 (starts with 0)". */
  public String bounds(RoleSpec role) {
    if (role.min() == role.max()) {
      return "exactly " + role.min();
    }
    return role.min() + " to " + role.max() + " (starts with " + role.startCount() + ")";
  }
}

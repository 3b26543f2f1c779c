package org.mecconpaas.portal.interfaces.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mecconpaas.catalog.CodeFormat;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.domain.model.ResourceNotFound;

/** The service types developers can deploy (any signed-in user may read it). */
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  /** A catalog entry. */
  public record TypeView(
      String name,
      String title,
      String description,
      List<RoleSpec> roles,
      List<String> codeFormats) {
    static TypeView of(ServiceType t) {
      return new TypeView(
          t.name(),
          t.title(),
          t.description(),
          t.roles(),
          t.codeFormats().stream().map(CodeFormat::label).sorted().toList());
    }
  }

  @GET
  public List<TypeView> list() {
    return CATALOG.types().stream().map(TypeView::of).toList();
  }

  @GET
  @Path("{type}")
  public TypeView get(@PathParam("type") String type) {
    return CATALOG
        .find(type)
        .map(TypeView::of)
        .orElseThrow(() -> new ResourceNotFound("service type " + type + " not found"));
  }
}

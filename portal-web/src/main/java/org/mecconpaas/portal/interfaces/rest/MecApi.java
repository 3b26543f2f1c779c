package org.mecconpaas.portal.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.mecconpaas.portal.interfaces.rest.problem.DomainExceptionMapper;
import org.mecconpaas.portal.interfaces.rest.problem.MalformedRequestMapper;
import org.mecconpaas.portal.interfaces.rest.problem.UnexpectedErrorMapper;
import org.mecconpaas.portal.interfaces.rest.problem.WebApplicationExceptionMapper;

/** The API's root. Payara serves the generated OpenAPI document at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "MEC-ConPaaS master API",
            version = "1",
            description = "Applications, services, code, nodes and events of a mobile edge cloud."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class MecApi extends Application {
  /** Listed, so the agent protocol's resources stay out of the user API. */
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        AuthTokensResource.class,
        UsersResource.class,
        CatalogResource.class,
        ApplicationsResource.class,
        ServicesResource.class,
        InstancesResource.class,
        JobsResource.class,
        SettingsResource.class,
        AutoscalingResource.class,
        PlacementResource.class,
        MigrationsResource.class,
        RoutesResource.class,
        CodeResource.class,
        NodesResource.class,
        ClientsResource.class,
        MobilityResource.class,
        EventsResource.class,
        HealthResource.class,
        MetricsResource.class,
        JsonbSettings.class,
        UploadLimitFilter.class,
        RequestMetrics.class,
        DomainExceptionMapper.class,
        MalformedRequestMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedErrorMapper.class);
  }
}

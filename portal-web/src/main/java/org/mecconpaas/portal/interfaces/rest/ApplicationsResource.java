package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.application.ApplicationOperations;
import org.mecconpaas.manager.application.ApplicationOperations.ApplicationSummary;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** The caller's applications. */
@Path("applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationsResource {
  /** A new application. */
  public record CreateRequest(String name, String description) {}

  /** A rename and/or new description. */
  public record UpdateRequest(String name, String description) {}

  /** An application. */
  public record ApplicationView(String name, String description, Instant createdAt, long services) {
    static ApplicationView of(ApplicationSummary s) {
      return new ApplicationView(
          s.application().name(),
          s.application().description(),
          s.application().createdAt(),
          s.services());
    }
  }

  @Inject private ApplicationOperations applications;
  @Inject private CurrentCaller caller;

  @GET
  public List<ApplicationView> list() {
    return applications.list(caller.get()).stream().map(ApplicationView::of).toList();
  }

  @POST
  public Response create(CreateRequest body) {
    var request = RequestBodies.required(body);
    var created = applications.create(caller.get(), request.name(), request.description());
    return Response.created(URI.create("applications/" + created.name()))
        .entity(ApplicationView.of(new ApplicationSummary(created, 0)))
        .build();
  }

  @GET
  @Path("{app}")
  public ApplicationView get(@PathParam("app") String app) {
    return ApplicationView.of(applications.get(caller.get(), app));
  }

  @PATCH
  @Path("{app}")
  public ApplicationView update(@PathParam("app") String app, UpdateRequest body) {
    var request = RequestBodies.required(body);
    return ApplicationView.of(
        applications.update(
            caller.get(),
            app,
            Optional.ofNullable(request.name()),
            Optional.ofNullable(request.description())));
  }

  @DELETE
  @Path("{app}")
  public Response delete(@PathParam("app") String app) {
    applications.delete(caller.get(), app);
    return Response.noContent().build();
  }
}

package org.mecconpaas.portal.interfaces.rest;

import static org.mecconpaas.manager.application.ConflictRetry.retry;

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
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.application.ServiceOperations.SpecChange;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.service.Script;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * Services of one of the caller's applications. Commands that a reconcile pass or a heartbeat may
 * race on the same rows are retried ({@link ConflictRetry}).
 */
@Path("applications/{app}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {
  /** A new service from the catalog; roles default to the type's start set. */
  public record CreateRequest(
      String name, String type, String placementPolicy, Map<String, Integer> roles) {}

  /** A change of the spec. */
  public record UpdateRequest(String placementPolicy, Map<String, Integer> roles) {}

  /** A service with its desired and observed state. */
  public record ServiceView(
      String name,
      String application,
      String type,
      ServiceState state,
      ServiceState desiredState,
      String phaseMessage,
      String placementPolicy,
      Map<String, Integer> roles,
      long generation,
      Integer activeCodeVersion,
      String endpoint,
      Instant createdAt,
      Instant updatedAt) {
    static ServiceView of(Service s, ServiceOperations services) {
      return new ServiceView(
          s.name(),
          s.application().name(),
          s.type(),
          s.state(),
          s.desiredState(),
          s.phaseMessage(),
          s.placementPolicy().label(),
          ServiceOperations.inCatalogOrder(s, Map.of()),
          s.generation(),
          s.activeCodeVersion(),
          services.endpoint(s).orElse(null),
          s.createdAt(),
          s.updatedAt());
    }
  }

  @Inject private ServiceOperations services;
  @Inject private CurrentCaller caller;

  private ServiceView view(Service service) {
    return ServiceView.of(service, services);
  }

  @GET
  public List<ServiceView> list(@PathParam("app") String app) {
    return services.list(caller.get(), app).stream().map(this::view).toList();
  }

  @POST
  public Response create(@PathParam("app") String app, CreateRequest body) {
    var request = RequestBodies.required(body);
    Service service =
        services.create(
            caller.get(),
            app,
            request.name(),
            request.type(),
            request.placementPolicy(),
            request.roles());
    return Response.created(URI.create("applications/" + app + "/services/" + service.name()))
        .entity(view(service))
        .build();
  }

  @GET
  @Path("{svc}")
  public ServiceView get(@PathParam("app") String app, @PathParam("svc") String svc) {
    return view(services.find(caller.get(), app, svc));
  }

  @PATCH
  @Path("{svc}")
  public ServiceView update(
      @PathParam("app") String app, @PathParam("svc") String svc, UpdateRequest body) {
    var request = RequestBodies.required(body);
    SpecChange change =
        new SpecChange(
            Optional.ofNullable(request.placementPolicy()), Optional.ofNullable(request.roles()));
    return view(retry(() -> services.change(caller.get(), app, svc, change)));
  }

  @POST
  @Path("{svc}/start")
  public Response start(@PathParam("app") String app, @PathParam("svc") String svc) {
    return Response.accepted(view(retry(() -> services.start(caller.get(), app, svc)))).build();
  }

  @POST
  @Path("{svc}/stop")
  public Response stop(@PathParam("app") String app, @PathParam("svc") String svc) {
    return Response.accepted(view(retry(() -> services.stop(caller.get(), app, svc)))).build();
  }

  /** New instance counts per role. */
  public record ScaleRequest(Map<String, Integer> roles) {}

  @POST
  @Path("{svc}/scale")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response scale(
      @PathParam("app") String app, @PathParam("svc") String svc, ScaleRequest body) {
    var request = RequestBodies.required(body);
    return Response.accepted(
            view(retry(() -> services.scale(caller.get(), app, svc, request.roles()))))
        .build();
  }

  /** Runs {@code run.sh}, {@code interrupt.sh} or {@code cleanup.sh} on every instance. */
  @POST
  @Path("{svc}/scripts/{script}")
  public Response script(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("script") String script) {
    Script which =
        switch (script) {
          case "run" -> Script.RUN;
          case "interrupt" -> Script.INTERRUPT;
          case "cleanup" -> Script.CLEANUP;
          default ->
              throw new ResourceNotFound("no script " + script + "; use run, interrupt or cleanup");
        };
    return Response.accepted(view(retry(() -> services.trigger(caller.get(), app, svc, which))))
        .build();
  }

  @DELETE
  @Path("{svc}")
  public Response delete(@PathParam("app") String app, @PathParam("svc") String svc) {
    ConflictRetry.run(() -> services.delete(caller.get(), app, svc));
    return Response.noContent().build();
  }
}

package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.application.ServiceOperations.PlacementRequest;
import org.mecconpaas.manager.domain.model.service.PlacementConstraints;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Where a service's instances go: its placement policy and constraints. */
@Path("applications/{app}/services/{svc}/placement")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {
  /** The point and radius of {@code near}. */
  public record Near(double latitude, double longitude, double radiusMeters) {}

  /** The policy with its constraints, as set. */
  public record PlacementView(
      String policy,
      Near near,
      Double maxUserDistanceMeters,
      Set<String> nodeLabels,
      Set<String> users) {
    static PlacementView of(Service service) {
      PlacementConstraints c = service.placement();
      return new PlacementView(
          service.placementPolicy().label(),
          c.near()
              .map(p -> new Near(p.latitude(), p.longitude(), c.nearRadiusMeters()))
              .orElse(null),
          c.maxUserDistanceMeters().orElse(null),
          new java.util.TreeSet<>(c.labels()),
          new java.util.TreeSet<>(c.users()));
    }
  }

  /**
   * What a user sends; {@code near} without a radius gets 200 m; {@code users} (client ids) narrow
   * whom {@code near-users} follows.
   */
  public record PlacementBody(
      String policy,
      NearBody near,
      Double maxUserDistanceMeters,
      Set<String> nodeLabels,
      Set<String> users) {}

  public record NearBody(Double latitude, Double longitude, Double radiusMeters) {}

  @Inject private ServiceOperations services;
  @Inject private CurrentCaller caller;

  @GET
  public PlacementView get(@PathParam("app") String app, @PathParam("svc") String svc) {
    return PlacementView.of(services.find(caller.get(), app, svc));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PlacementView put(
      @PathParam("app") String app, @PathParam("svc") String svc, PlacementBody body) {
    PlacementBody request = RequestBodies.required(body);
    NearBody near = request.near();
    return PlacementView.of(
        ConflictRetry.retry(
            () ->
                services.place(
                    caller.get(),
                    app,
                    svc,
                    new PlacementRequest(
                        request.policy(),
                        near == null ? null : near.latitude(),
                        near == null ? null : near.longitude(),
                        near == null ? null : near.radiusMeters(),
                        request.maxUserDistanceMeters(),
                        request.nodeLabels(),
                        request.users()))));
  }
}

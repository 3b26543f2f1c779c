package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * A service's settings (what its catalog type allows, e.g. PHP's {@code memory_limit}). {@code PUT}
 * merges: named settings are set, a null value removes one; running roles restart with them.
 */
@Path("applications/{app}/services/{svc}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
  @Inject private ServiceOperations services;
  @Inject private CurrentCaller caller;

  @GET
  public Map<String, String> get(@PathParam("app") String app, @PathParam("svc") String svc) {
    return services.find(caller.get(), app, svc).settings();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> put(
      @PathParam("app") String app, @PathParam("svc") String svc, Map<String, String> body) {
    Map<String, String> changes = RequestBodies.required(body);
    // the service row is also written by reconcile passes and heartbeats: retry a lost race
    return ConflictRetry.retry(() -> services.configure(caller.get(), app, svc, changes))
        .settings();
  }
}

package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mecconpaas.manager.application.AccessPointRoutes;
import org.mecconpaas.manager.application.AccessPointRoutes.RouteAddress;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * Where a service's users reach it: {@code http://<address>:<port>} of the access point their
 * device is associated with, which forwards to the nearest running instance.
 */
@Path("applications/{app}/services/{svc}/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {
  /** One access point's address for the service. */
  public record RouteView(String node, String address, int port) {
    static RouteView of(RouteAddress r) {
      return new RouteView(r.node(), r.address(), r.port());
    }
  }

  @Inject private AccessPointRoutes routes;
  @Inject private CurrentCaller caller;

  @GET
  public List<RouteView> list(@PathParam("app") String app, @PathParam("svc") String svc) {
    return routes.ofService(caller.get(), app, svc).stream().map(RouteView::of).toList();
  }
}

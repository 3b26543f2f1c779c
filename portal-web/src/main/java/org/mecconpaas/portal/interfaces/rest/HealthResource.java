package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mecconpaas.manager.application.PlatformStatistics;

/** Liveness for load balancers and scripts: public, and it tells nothing but up or down. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  /** The answer. */
  public record Health(String status) {}

  @Inject private PlatformStatistics statistics;

  @GET
  public Response health() {
    boolean up = statistics.databaseUp();
    return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN")).build();
  }
}

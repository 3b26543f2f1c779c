package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mecconpaas.manager.application.Autoscaler;
import org.mecconpaas.manager.application.Autoscaler.PolicyRequest;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.service.AutoscalingPolicy;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** A web service's autoscaling policy; its decisions are events ({@code autoscale.out/in}). */
@Path("applications/{app}/services/{svc}/autoscaling")
@Produces(MediaType.APPLICATION_JSON)
public class AutoscalingResource {
  /** The policy as users see and set it. */
  public record PolicyView(
      String role,
      int p95Millis,
      int cpuLowPercent,
      int cpuHighPercent,
      int minInstances,
      int maxInstances,
      int cooldownSeconds) {
    static PolicyView of(AutoscalingPolicy p) {
      return new PolicyView(
          p.role(),
          p.p95Millis(),
          p.cpuLowPercent(),
          p.cpuHighPercent(),
          p.minInstances(),
          p.maxInstances(),
          p.cooldownSeconds());
    }
  }

  @Inject private Autoscaler autoscaler;
  @Inject private ServiceOperations services;
  @Inject private CurrentCaller caller;

  @GET
  public PolicyView get(@PathParam("app") String app, @PathParam("svc") String svc) {
    return services
        .find(caller.get(), app, svc)
        .autoscaling()
        .map(PolicyView::of)
        .orElseThrow(() -> new ResourceNotFound("service " + svc + " has no autoscaling policy"));
  }

  /** Sets the policy; absent fields take defaults (p95 200 ms, CPU 20-70 %, cool-down 30 s). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PolicyView put(
      @PathParam("app") String app, @PathParam("svc") String svc, PolicyRequest body) {
    return PolicyView.of(
        autoscaler
            .setPolicy(caller.get(), app, svc, RequestBodies.required(body))
            .autoscaling()
            .orElseThrow());
  }

  @DELETE
  public Response delete(@PathParam("app") String app, @PathParam("svc") String svc) {
    autoscaler.removePolicy(caller.get(), app, svc);
    return Response.noContent().build();
  }
}

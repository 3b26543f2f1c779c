package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.application.InstanceMetricsHistory;
import org.mecconpaas.manager.application.Migrations;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.manager.infrastructure.storage.InstanceLogs;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** A service's instances: where they run, their scripts, their logs. */
@Path("applications/{app}/services/{svc}/instances")
@Produces(MediaType.APPLICATION_JSON)
public class InstancesResource {
  /** An instance; {@code scripts} is the state of each script as its node reported it. */
  public record InstanceView(
      String name,
      String role,
      int slot,
      String node,
      String address,
      int port,
      InstanceState state,
      boolean removing,
      String message,
      Integer codeVersion,
      JsonObject scripts,
      Instant reportedAt,
      Map<String, Double> metrics) {
    static InstanceView of(Instance i, Map<String, Double> metrics) {
      return new InstanceView(
          i.name(),
          i.role(),
          i.slot(),
          i.node() == null ? null : i.node().name(),
          i.address(),
          i.port(),
          i.state(),
          i.removing(),
          i.message(),
          i.codeVersion(),
          i.scripts() == null
              ? null
              : Json.createReader(new StringReader(i.scripts())).readObject(),
          i.reportedAt(),
          metrics);
    }
  }

  /** One reported sample: its time and figures ({@code cpuPercent}, {@code memoryMiB}, ...). */
  public record MetricsSample(Instant time, Map<String, Double> values) {}

  @Inject private ServiceOperations services;
  @Inject private InstanceLogs logs;
  @Inject private CurrentCaller caller;
  @Inject private InstanceMetricsHistory metrics;
  @Inject private Migrations migrations;

  @GET
  public List<InstanceView> list(@PathParam("app") String app, @PathParam("svc") String svc) {
    return services.instances(caller.get(), app, svc).stream().map(this::view).toList();
  }

  private InstanceView view(Instance i) {
    return InstanceView.of(i, metrics.latest(i.name()));
  }

  /**
   * Moves the instance to a node, or to the eligible node nearest a point, make-before-break: 202
   * with the migration, which the reconcile loop carries out (see {@code GET .../migrations}).
   */
  @POST
  @Path("{instance}/migrate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response migrate(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("instance") String instance,
      Migrations.Destination body) {
    Migration migration =
        migrations.request(caller.get(), app, svc, instance, RequestBodies.required(body));
    return Response.accepted(MigrationsResource.MigrationView.of(migration)).build();
  }

  /** The figures the instance reported over the last minutes, oldest first (for charts). */
  @GET
  @Path("{instance}/metrics")
  public List<MetricsSample> metrics(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("instance") String instance) {
    Instance own = services.instance(caller.get(), app, svc, instance);
    return metrics.samples(own.name()).stream()
        .map(s -> new MetricsSample(s.time(), s.values()))
        .toList();
  }

  @GET
  @Path("{instance}")
  public InstanceView get(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("instance") String instance) {
    return view(services.instance(caller.get(), app, svc, instance));
  }

  /** The last lines of stdout or stderr, or with {@code download=true} the whole stream. */
  @GET
  @Path("{instance}/logs/{stream}")
  @Produces(MediaType.TEXT_PLAIN)
  public Response logs(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("instance") String instance,
      @PathParam("stream") String stream,
      @QueryParam("tail") @DefaultValue("200") int tail,
      @QueryParam("download") @DefaultValue("false") boolean download) {
    String name = services.instance(caller.get(), app, svc, instance).name();
    if (!InstanceLogs.STREAMS.contains(stream)) {
      throw new ResourceNotFound("no log stream " + stream + "; use stdout or stderr");
    }
    if (tail < 1 || tail > 10_000) {
      throw new MalformedRequest("tail must be between 1 and 10000");
    }
    if (download) {
      java.nio.file.Path file = logs.file(name, stream);
      return Files.exists(file)
          ? Response.ok(file.toFile(), MediaType.TEXT_PLAIN)
              .header(
                  "Content-Disposition", "attachment; filename=\"" + name + "-" + stream + ".log\"")
              .build()
          : Response.ok("", MediaType.TEXT_PLAIN).build();
    }
    return Response.ok(logs.tail(name, stream, tail), MediaType.TEXT_PLAIN).build();
  }
}

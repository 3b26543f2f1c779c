package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.MobilityEmulation;
import org.mecconpaas.manager.application.MobilityRun;
import org.mecconpaas.manager.domain.model.client.RandomWaypoint;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The mobility emulation of an emulated edge: operators start a random waypoint run (JSON) or a
 * trace (CSV body) and stop it; every signed-in user may look at it.
 */
@Path("emulation/mobility")
@Produces(MediaType.APPLICATION_JSON)
public class MobilityResource {
  private static final URI SELF = URI.create("emulation/mobility");

  /** A random waypoint run; everything but {@code clients} is optional. */
  public record RandomWaypointRequest(
      Integer clients, String model, Long seed, List<Double> speedMps, List<Double> pauseSeconds) {}

  /** Where a client is; {@code node} is left out while no access point is in range. */
  public record ClientPosition(String id, double latitude, double longitude, String node) {}

  /** The emulation: {@code state} RUNNING or STOPPED; {@code available} false on real boards. */
  public record MobilityView(
      boolean available,
      String state,
      String model,
      Long seed,
      Instant startedAt,
      Long elapsedSeconds,
      List<ClientPosition> clients) {
    static MobilityView of(boolean available, MobilityRun run) {
      if (run == null) {
        return new MobilityView(available, "STOPPED", null, null, null, null, List.of());
      }
      Long seed = run.model() instanceof RandomWaypoint walk ? walk.settings().seed() : null;
      List<ClientPosition> clients =
          run.positions().entrySet().stream()
              .map(
                  e ->
                      new ClientPosition(
                          e.getKey(),
                          e.getValue().latitude(),
                          e.getValue().longitude(),
                          run.accessPoints().get(e.getKey())))
              .toList();
      return new MobilityView(
          available, "RUNNING", run.model().name(), seed, run.startedAt(), run.second(), clients);
    }
  }

  @Inject private MobilityEmulation mobility;
  @Inject private CurrentCaller caller;

  @GET
  public MobilityView status() {
    return MobilityView.of(mobility.available(), mobility.current(caller.get()).orElse(null));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startRandomWaypoint(RandomWaypointRequest request) {
    RandomWaypointRequest r = RequestBodies.required(request);
    MobilityRun run =
        mobility.startRandomWaypoint(
            caller.get(), r.clients(), r.model(), r.seed(), r.speedMps(), r.pauseSeconds());
    return Response.created(SELF).entity(MobilityView.of(true, run)).build();
  }

  /** A trace: CSV {@code time,client,lat,lon}, seconds from the start. */
  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response startTrace(InputStream csv) {
    MobilityRun run = mobility.startTrace(caller.get(), csv);
    return Response.created(SELF).entity(MobilityView.of(true, run)).build();
  }

  @DELETE
  public Response stop() {
    mobility.stop(caller.get());
    return Response.noContent().build();
  }
}

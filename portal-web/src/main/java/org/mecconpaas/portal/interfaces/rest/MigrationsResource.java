package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mecconpaas.manager.application.Migrations;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The migrations of a service's instances, newest first, with each step's time; started with {@code
 * POST .../instances/{instance}/migrate} or by follow-me.
 */
@Path("applications/{app}/services/{svc}/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationsResource {
  /** A migration with the time of each step (null until reached). */
  public record MigrationView(
      long id,
      String instance,
      String target,
      String from,
      String to,
      String trigger,
      String reason,
      String state,
      String message,
      java.time.Instant requestedAt,
      java.time.Instant healthyAt,
      java.time.Instant switchedAt,
      java.time.Instant finishedAt) {
    static MigrationView of(Migration m) {
      return new MigrationView(
          m.id(),
          m.instanceName(),
          m.targetInstance(),
          m.fromNode(),
          m.toNode(),
          m.trigger().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          m.triggerDetail(),
          m.state().name(),
          m.message(),
          m.requestedAt(),
          m.healthyAt(),
          m.switchedAt(),
          m.finishedAt());
    }
  }

  @Inject private Migrations migrations;
  @Inject private CurrentCaller caller;

  @GET
  public List<MigrationView> list(@PathParam("app") String app, @PathParam("svc") String svc) {
    return migrations.list(caller.get(), app, svc).stream().map(MigrationView::of).toList();
  }
}

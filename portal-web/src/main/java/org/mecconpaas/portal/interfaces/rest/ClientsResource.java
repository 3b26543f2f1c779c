package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.ClientDirectory;
import org.mecconpaas.manager.application.Page;
import org.mecconpaas.manager.domain.model.client.ClientAssociation;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Mobile clients and where they are associated; read-only, for every signed-in user. */
@Path("clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {
  /** A client; {@code node} is left out while it is associated with no access point. */
  public record ClientView(
      String id,
      String node,
      Instant associatedAt,
      Double latitude,
      Double longitude,
      Instant positionAt,
      Instant firstSeenAt,
      Instant changedAt) {
    static ClientView of(MobileClient c) {
      GeoPoint position = c.position().orElse(null);
      return new ClientView(
          c.id(),
          c.node().map(Node::name).orElse(null),
          c.associatedAt(),
          position == null ? null : position.latitude(),
          position == null ? null : position.longitude(),
          c.positionAt(),
          c.firstSeenAt(),
          c.changedAt());
    }
  }

  /** One page of clients, by id. */
  public record ClientPage(List<ClientView> items, int page, int size, long total) {}

  /** One stay at an access point; {@code to} is left out while it lasts. */
  public record AssociationView(String node, Instant from, Instant to) {
    static AssociationView of(ClientAssociation a) {
      return new AssociationView(a.node().name(), a.from(), a.to());
    }
  }

  /** One page of a client's history, newest first. */
  public record HistoryPage(List<AssociationView> items, int page, int size, long total) {}

  /** A client with one page of its history. */
  public record ClientDetails(
      String id,
      String node,
      Instant associatedAt,
      Double latitude,
      Double longitude,
      Instant positionAt,
      Instant firstSeenAt,
      Instant changedAt,
      HistoryPage history) {}

  @Inject private ClientDirectory directory;
  @Inject private CurrentCaller caller;

  @GET
  public ClientPage list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    Page<ClientView> views = directory.list(caller.get(), page, size).map(ClientView::of);
    return new ClientPage(views.items(), views.page(), views.size(), views.total());
  }

  @GET
  @Path("{id}")
  public ClientDetails get(
      @PathParam("id") String id,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Caller who = caller.get();
    ClientView c = ClientView.of(directory.get(who, id));
    Page<AssociationView> h = directory.history(who, id, page, size).map(AssociationView::of);
    return new ClientDetails(
        c.id(),
        c.node(),
        c.associatedAt(),
        c.latitude(),
        c.longitude(),
        c.positionAt(),
        c.firstSeenAt(),
        c.changedAt(),
        new HistoryPage(h.items(), h.page(), h.size(), h.total()));
  }
}

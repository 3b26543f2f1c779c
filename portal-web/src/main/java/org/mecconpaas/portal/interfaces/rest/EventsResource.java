package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.AuditTrail;
import org.mecconpaas.manager.application.Page;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.event.Outcome;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** The audit trail, newest first: the caller's own, or everyone's for operators. */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {
  /** One entry. */
  public record EventView(
      long id,
      Instant at,
      String actor,
      String action,
      String application,
      String service,
      Outcome outcome,
      String detail) {
    static EventView of(Event e) {
      return new EventView(
          e.id(),
          e.occurredAt(),
          e.actor(),
          e.action(),
          e.application(),
          e.service(),
          e.outcome(),
          e.detail());
    }
  }

  /** One page of entries. */
  public record EventPage(List<EventView> items, int page, int size, long total) {
    static EventPage of(Page<Event> page) {
      Page<EventView> views = page.map(EventView::of);
      return new EventPage(views.items(), views.page(), views.size(), views.total());
    }
  }

  @Inject private AuditTrail audit;
  @Inject private CurrentCaller caller;

  @GET
  public EventPage list(
      @QueryParam("application") String application,
      @QueryParam("service") String service,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return EventPage.of(audit.list(caller.get(), application, service, page, size));
  }
}

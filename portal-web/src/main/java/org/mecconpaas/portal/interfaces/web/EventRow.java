package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.event.Outcome;

/** An audit-trail entry as the pages list it. */
public record EventRow(
    long id,
    Instant at,
    String actor,
    String action,
    String application,
    String service,
    boolean failed,
    String detail)
    implements Serializable {

  static List<EventRow> of(List<Event> events) {
    return events.stream()
        .map(
            e ->
                new EventRow(
                    e.id(),
                    e.occurredAt(),
                    e.actor(),
                    e.action(),
                    e.application(),
                    e.service(),
                    e.outcome() == Outcome.FAILURE,
                    e.detail()))
        .toList();
  }

  /** "demo/web", "demo", or empty for platform events. */
  public String subject() {
    if (application == null) {
      return "";
    }
    return service == null ? application : application + "/" + service;
  }
}

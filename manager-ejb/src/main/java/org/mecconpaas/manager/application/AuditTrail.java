package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.event.Outcome;
import org.mecconpaas.manager.infrastructure.persistence.EventRepository;

/** Writes and reads the audit trail. */
@ApplicationScoped
public class AuditTrail {
  static final int MAX_PAGE_SIZE = 500;

  private EventRepository events;
  private Clock clock;

  protected AuditTrail() {}

  @Inject
  public AuditTrail(EventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Records a success inside the caller's transaction: it is kept only if the change is. */
  @Transactional(TxType.MANDATORY)
  public void success(
      String actor, String action, Long ownerId, String app, String service, String detail) {
    events.add(
        new Event(clock.instant(), actor, action, ownerId, app, service, Outcome.SUCCESS, detail));
  }

  /** Records a refusal in its own transaction, since the refused change is rolled back. */
  @Transactional(TxType.REQUIRES_NEW)
  public void failure(
      String actor, String action, Long ownerId, String app, String service, String detail) {
    events.add(
        new Event(clock.instant(), actor, action, ownerId, app, service, Outcome.FAILURE, detail));
  }

  /** A developer sees their own trail; an operator sees everyone's. */
  @Transactional
  public Page<Event> list(Caller caller, String application, String service, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (long) page * size > Integer.MAX_VALUE) {
      throw new MalformedRequest("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
    }
    Long owner = caller.isAdmin() ? null : caller.userId();
    return events.find(new EventFilter(owner, application, service, page, size));
  }
}

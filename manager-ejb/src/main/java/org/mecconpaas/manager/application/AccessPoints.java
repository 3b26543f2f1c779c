package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.AgentMessages.AccessPointPlan;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.domain.model.node.Node;

/**
 * The access-point side of a heartbeat: the stations the node reports are left for {@link
 * ClientAssociations}, and the reply carries the node's plan: the stations the mobility emulation
 * puts there (none on a real edge) and its routes.
 */
@ApplicationScoped
public class AccessPoints {
  private ClientAssociations associations;
  private MobilityEmulation mobility;
  private AccessPointRoutes routes;

  /** Field-injected: tests outside the container construct this without events. */
  @Inject private Event<StationsChanged> stationsChanged;

  protected AccessPoints() {}

  @Inject
  public AccessPoints(
      ClientAssociations associations, MobilityEmulation mobility, AccessPointRoutes routes) {
    this.associations = associations;
    this.mobility = mobility;
    this.routes = routes;
  }

  /** Runs in the heartbeat's transaction. */
  public AccessPointPlan heartbeat(Node node, List<StationSeen> stations, Instant now) {
    if (associations.reported(node, stations, now) && stationsChanged != null) {
      stationsChanged.fire(new StationsChanged(node.name()));
    }
    return new AccessPointPlan(mobility.stationsFor(node.name()), routes.forNode(node));
  }
}

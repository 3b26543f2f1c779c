package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mecconpaas.manager.application.AgentMessages.Route;
import org.mecconpaas.manager.application.RoutePlanner.Candidate;
import org.mecconpaas.manager.application.RoutePlanner.RoutedService;
import org.mecconpaas.manager.domain.model.client.AccessPointSite;
import org.mecconpaas.manager.domain.model.client.RoutePort;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.emulation.AccessPointSettings;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;
import org.mecconpaas.manager.infrastructure.persistence.RouteRepository;

/**
 * The access-point routes: for every node, one route per running user-facing service on the
 * service's stable port, to its serving instances nearest first ({@link RoutePlanner}); and, per
 * service, the addresses its users reach it at.
 */
@ApplicationScoped
@Transactional
public class AccessPointRoutes {
  /** Where a service's users reach it through one access point. */
  public record RouteAddress(String node, String address, int port) {}

  private RouteRepository routes;
  private NodeRepository nodes;
  private ServiceOperations services;
  private AccessPointSettings settings;

  protected AccessPointRoutes() {}

  @Inject
  public AccessPointRoutes(
      RouteRepository routes,
      NodeRepository nodes,
      ServiceOperations services,
      AccessPointSettings settings) {
    this.routes = routes;
    this.nodes = nodes;
    this.services = services;
    this.settings = settings;
  }

  /** The routes of {@code node}'s access point. */
  public List<Route> forNode(Node node) {
    Map<Long, Integer> ports = routes.ports();
    Map<Long, List<Candidate>> candidates = new LinkedHashMap<>();
    for (Instance i : routes.servingInstances(RoutePlanner.ROUTED_TYPES)) {
      if (RoutePlanner.servesUsers(i.service().type(), i.role()) && i.address() != null) {
        Node at = i.node();
        candidates
            .computeIfAbsent(i.service().id(), id -> new ArrayList<>())
            .add(
                new Candidate(
                    i.name(),
                    i.address(),
                    i.port(),
                    at.name(),
                    at.position(),
                    at.state() == NodeState.DRAINING || i.draining()));
      }
    }
    List<RoutedService> routed = new ArrayList<>();
    for (Service s : routes.runningServicesOfTypes(RoutePlanner.ROUTED_TYPES)) {
      Integer port = ports.get(s.id());
      if (port != null) { // a service created within the last second gets its port next tick
        routed.add(
            new RoutedService(
                s.application().name() + "/" + s.name(),
                port,
                candidates.getOrDefault(s.id(), List.of())));
      }
    }
    AccessPointSite self = new AccessPointSite(node.name(), node.position());
    return RoutePlanner.plan(self, routed, settings.latency());
  }

  /**
   * Where the users of a service reach it: every access point (nodes not DOWN) at the service's
   * route port; empty for types without routes and while the service is not meant to run.
   */
  public List<RouteAddress> ofService(Caller caller, String app, String name) {
    Service service = services.find(caller, app, name);
    Integer port = routes.ports().get(service.id());
    if (port == null
        || service.desiredState() != ServiceState.RUNNING
        || !RoutePlanner.ROUTED_TYPES.contains(service.type())) {
      return List.of();
    }
    return nodes.all().stream()
        .filter(n -> n.state() != NodeState.DOWN && n.address() != null)
        .map(n -> new RouteAddress(n.name(), n.address(), port))
        .toList();
  }

  /** Gives every user-facing service without a route port one; ports stay for life. */
  public void assignPorts() {
    Map<Long, Integer> ports = routes.ports();
    Set<Integer> taken = new HashSet<>(ports.values());
    for (long serviceId : routes.servicesOfTypes(RoutePlanner.ROUTED_TYPES)) {
      if (!ports.containsKey(serviceId)) {
        int port = RoutePort.allocate(serviceId, taken);
        routes.add(new RoutePort(serviceId, port));
        taken.add(port);
      }
    }
  }
}

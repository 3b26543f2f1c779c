package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.ApplicationRepository;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;
import org.mecconpaas.manager.infrastructure.persistence.DashboardRepository;
import org.mecconpaas.manager.infrastructure.persistence.DashboardRepository.ServiceRow;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;

/**
 * What the portal's overview pages show, read in a few queries. Every signed-in user sees the edge
 * (nodes, their state, load and how many containers they hold), because that is where their own
 * instances run; the instances themselves are listed only for their owner, and for operators.
 */
@ApplicationScoped
@Transactional
public class DashboardQueries {
  /** A node with the containers it holds: all of them, and the caller's own. */
  /** A node with its container counts and the mobile clients associated with its access point. */
  public record NodeOverview(Node node, long containers, long yours, long clients) {}

  /** A node and the instances on it that the caller may see. */
  public record NodeDetail(Node node, long containers, long clients, List<Instance> instances) {}

  /** The caller's own numbers. */
  public record Counters(
      long applications, long services, long instances, Map<ServiceState, Long> servicesByState) {}

  private DashboardRepository dashboard;
  private NodeRepository nodes;
  private ApplicationRepository applications;
  private UserRepository users;
  private ClientRepository clients;

  protected DashboardQueries() {}

  @Inject
  public DashboardQueries(
      DashboardRepository dashboard,
      NodeRepository nodes,
      ApplicationRepository applications,
      UserRepository users,
      ClientRepository clients) {
    this.clients = clients;
    this.dashboard = dashboard;
    this.nodes = nodes;
    this.applications = applications;
    this.users = users;
  }

  /** Every node, by name, with its container counts. */
  public List<NodeOverview> edge(Caller caller) {
    Map<Long, Long> all = dashboard.instancesPerNode(null);
    Map<Long, Long> own = dashboard.instancesPerNode(caller.userId());
    Map<Long, Long> associated = clients.clientsPerNode();
    return nodes.all().stream()
        .map(
            n ->
                new NodeOverview(
                    n,
                    all.getOrDefault(n.id(), 0L),
                    own.getOrDefault(n.id(), 0L),
                    associated.getOrDefault(n.id(), 0L)))
        .toList();
  }

  /** One node; its instances are the caller's own, or every tenant's for operators. */
  public NodeDetail node(Caller caller, String name) {
    Node node =
        nodes.byName(name).orElseThrow(() -> new ResourceNotFound("node " + name + " not found"));
    long containers = dashboard.instancesPerNode(null).getOrDefault(node.id(), 0L);
    List<Instance> visible =
        dashboard.instancesOn(node.id(), caller.isAdmin() ? null : caller.userId());
    return new NodeDetail(
        node, containers, clients.clientsPerNode().getOrDefault(node.id(), 0L), visible);
  }

  public Counters counters(Caller caller) {
    Map<ServiceState, Long> byState = dashboard.servicesByState(caller.userId());
    return new Counters(
        applications.countOfOwner(caller.userId()),
        byState.values().stream().mapToLong(Long::longValue).sum(),
        dashboard.instancesOf(caller.userId()),
        byState);
  }

  /** The caller's services across their applications, by application and name. */
  public List<ServiceRow> services(Caller caller) {
    return dashboard.servicesOf(caller.userId());
  }

  /**
   * True for the first admin on a master that has no other account yet: the portal then walks them
   * through the first steps (change the printed password, create a developer, enroll a node).
   */
  public boolean firstStart(Caller caller) {
    return caller.isAdmin() && users.count() == 1;
  }
}

package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.DashboardQueries;
import org.mecconpaas.manager.application.DashboardQueries.NodeOverview;
import org.mecconpaas.manager.domain.model.node.NodeState;

/** The edge as the dashboard and the service page draw it. */
@ApplicationScoped
public class EdgeView {
  @Inject private DashboardQueries queries;

  /** The nodes with their counts, as the map draws them. */
  public record Edge(List<NodeOverview> nodes, List<EdgeMap.Site> sites) {
    public long up() {
      return nodes.stream().filter(n -> n.node().state() == NodeState.UP).count();
    }
  }

  public Edge read(Caller caller) {
    List<NodeOverview> nodes = queries.edge(caller);
    List<EdgeMap.Site> sites =
        nodes.stream()
            .map(
                o ->
                    new EdgeMap.Site(
                        o.node().name(),
                        o.node().latitude(),
                        o.node().longitude(),
                        o.node().state().name(),
                        o.node().cpuLoad(),
                        o.containers(),
                        o.yours(),
                        o.clients()))
            .toList();
    return new Edge(nodes, sites);
  }
}

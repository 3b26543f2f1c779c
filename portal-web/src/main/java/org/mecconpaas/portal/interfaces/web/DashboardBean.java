package org.mecconpaas.portal.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.AuditTrail;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.DashboardQueries;
import org.mecconpaas.manager.application.DashboardQueries.Counters;
import org.mecconpaas.manager.application.DashboardQueries.NodeDetail;
import org.mecconpaas.manager.application.PlatformStatistics;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.persistence.DashboardRepository.ServiceRow;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** The dashboard: the edge at a glance, the caller's numbers and the latest events; polled. */
@Named
@ViewScoped
public class DashboardBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int LATEST_EVENTS = 10;

  /** A node's detail panel. */
  public record NodeView(
      String name,
      String state,
      double latitude,
      double longitude,
      int cpuMillis,
      int memoryMiB,
      Double load,
      Integer memoryUsedMiB,
      String address,
      String runtime,
      Instant lastHeartbeatAt,
      long containers,
      long clients,
      List<InstanceRow> instances)
      implements Serializable {}

  /** An instance on the selected node. */
  public record InstanceRow(
      String name, String application, String service, String role, String state)
      implements Serializable {}

  @Inject private transient CurrentCaller caller;
  @Inject private transient DashboardQueries queries;
  @Inject private transient EdgeView edgeView;
  @Inject private transient AuditTrail audit;
  @Inject private transient PlatformStatistics statistics;

  private List<EdgeMap.Point> map;
  private long nodesUp;
  private Counters counters;
  private List<ServiceRow> services;
  private List<EventRow> events;
  private PlatformStatistics.Snapshot platform;
  private boolean firstStart;
  private NodeView selected;

  @PostConstruct
  void init() {
    refresh();
  }

  /** Reads everything again: the poll calls this every two seconds. */
  public void refresh() {
    Caller me = caller.get();
    EdgeView.Edge edge = edgeView.read(me);
    map = EdgeMap.draw(edge.sites(), List.of());
    nodesUp = edge.up();
    counters = queries.counters(me);
    services = queries.services(me);
    events = EventRow.of(audit.list(me, null, null, 0, LATEST_EVENTS).items());
    firstStart = queries.firstStart(me);
    platform = me.isAdmin() ? statistics.snapshot(me) : null;
    if (selected != null) {
      select(selected.name());
    }
  }

  /** A click on a node of the map (parameter {@code node}). */
  public void showNode() {
    String name =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("node");
    if (name != null) {
      select(name);
    }
  }

  public void closeNode() {
    selected = null;
  }

  private void select(String name) {
    try {
      NodeDetail detail = queries.node(caller.get(), name);
      Node n = detail.node();
      selected =
          new NodeView(
              n.name(),
              n.state().name(),
              n.latitude(),
              n.longitude(),
              n.cpuMillis(),
              n.memoryMiB(),
              n.cpuLoad(),
              n.memoryUsedMiB(),
              n.address(),
              n.runtime(),
              n.lastHeartbeatAt(),
              detail.containers(),
              detail.clients(),
              detail.instances().stream()
                  .map(
                      i ->
                          new InstanceRow(
                              i.name(),
                              i.service().application().name(),
                              i.service().name(),
                              i.role(),
                              i.state().name()))
                  .toList());
    } catch (ResourceNotFound gone) {
      selected = null;
    }
  }

  public List<EdgeMap.Point> getMap() {
    return map;
  }

  public long getNodesUp() {
    return nodesUp;
  }

  public int getNodeCount() {
    return map.size();
  }

  public Counters getCounters() {
    return counters;
  }

  public long servicesIn(String state) {
    return counters.servicesByState().getOrDefault(ServiceState.valueOf(state), 0L);
  }

  public List<ServiceRow> getServices() {
    return services;
  }

  public List<EventRow> getEvents() {
    return events;
  }

  public PlatformStatistics.Snapshot getPlatform() {
    return platform;
  }

  public boolean isFirstStart() {
    return firstStart;
  }

  public NodeView getSelected() {
    return selected;
  }
}

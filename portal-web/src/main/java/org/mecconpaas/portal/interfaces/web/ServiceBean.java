package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mecconpaas.catalog.RoleSpec;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.AuditTrail;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.InstanceMetricsHistory;
import org.mecconpaas.manager.application.Migrations;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Script;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;
import org.primefaces.PrimeFaces;

/**
 * The service page: state, phase and endpoint, instances (table and map), scaling, start and stop,
 * the generic service's scripts, events, migrations and charts. The poll calls {@link #refresh()}
 * every two seconds; the code versions, settings, autoscaling policy, placement, the Migrate
 * dialog, Flink jobs and logs have beans of their own on the same view.
 */
@Named
@ViewScoped
public class ServiceBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();
  static final int EVENTS_PAGE = 30;

  /** The service's desired and observed state. */
  public record Header(
      String type,
      String typeTitle,
      String state,
      String desiredState,
      String phaseMessage,
      String placementPolicy,
      long generation,
      Integer activeCodeVersion,
      String endpoint,
      Instant updatedAt,
      boolean canStart,
      boolean canStop)
      implements Serializable {}

  /** An instance in the table. */
  public record InstanceRow(
      String name,
      String role,
      String node,
      String address,
      int port,
      String state,
      boolean removing,
      String message,
      Integer codeVersion,
      List<ScriptStatus.Script> scripts,
      Instant reportedAt)
      implements Serializable {}

  @Inject private transient ServiceOperations services;
  @Inject private transient AuditTrail audit;
  @Inject private transient EdgeView edgeView;
  @Inject private transient InstanceMetricsHistory metrics;
  @Inject private transient Migrations migrationLog;
  @Inject private transient CurrentCaller caller;

  private String app;
  private String name;
  private boolean found;
  private Header header;
  private List<InstanceRow> instances = List.of();
  private List<EdgeMap.Point> map = List.of();
  private List<EventRow> events = List.of();
  private List<MigrationRow> migrations = List.of();
  private int eventsShown = EVENTS_PAGE;
  private long eventsTotal;
  private InstanceCharts.View charts = InstanceCharts.View.NONE;
  private Map<String, Integer> roleCounts = new LinkedHashMap<>();
  private Map<String, Integer> scale = new LinkedHashMap<>();

  /** The view action: first load, including the scale form's current counts. */
  public void load() {
    refresh();
    if (found) {
      resetScale();
    }
  }

  /** Reads the service again; the poll calls this. The scale form keeps what the user typed. */
  public void refresh() {
    Caller me = caller.get();
    Service service;
    try {
      service = services.find(me, app, name);
    } catch (ResourceNotFound | IllegalArgumentException missing) {
      found = false;
      return;
    }
    found = true;
    Integer activeBefore = header == null ? null : header.activeCodeVersion();
    header = header(service, services.endpoint(service).orElse(null));
    if (!Objects.equals(activeBefore, header.activeCodeVersion())) {
      redraw(":tabs:code:versions"); // e.g. a refused version rolled back
    }
    roleCounts = new LinkedHashMap<>(service.roles());
    List<Instance> current = services.instances(me, app, name);
    List<InstanceRow> before = instances;
    instances = current.stream().map(ServiceBean::row).toList();
    if (!names(before).equals(names(instances))) {
      redraw(":tabs:logs:instance"); // the log viewer's choice of instances
    }
    EdgeView.Edge edge = edgeView.read(me);
    map =
        EdgeMap.draw(
            edge.sites(),
            instances.stream()
                .filter(i -> i.node() != null && !i.removing())
                .map(i -> new EdgeMap.Placement(i.name(), i.role(), i.state(), i.node()))
                .toList());
    var page = audit.list(me, app, name, 0, eventsShown);
    events = EventRow.of(page.items());
    eventsTotal = page.total();
    migrations = MigrationRow.of(migrationLog.list(me, app, name), Instant.now());
    charts(current);
  }

  private static List<String> names(List<InstanceRow> rows) {
    return rows.stream().map(InstanceRow::name).toList();
  }

  /** Parts the poll does not update are re-drawn only when what they show changed. */
  static void redraw(String component) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
      PrimeFaces.current().ajax().update(component);
    }
  }

  private static Header header(Service s, String endpoint) {
    String title = CATALOG.find(s.type()).map(ServiceType::title).orElse(s.type());
    return new Header(
        s.type(),
        title,
        s.state().name(),
        s.desiredState().name(),
        s.phaseMessage(),
        s.placementPolicy().label(),
        s.generation(),
        s.activeCodeVersion(),
        endpoint,
        s.updatedAt(),
        s.state().canStart(),
        s.state().canStop());
  }

  static InstanceRow row(Instance i) {
    return new InstanceRow(
        i.name(),
        i.role(),
        i.node() == null ? null : i.node().name(),
        i.address(),
        i.port(),
        i.state().name(),
        i.removing(),
        i.message(),
        i.codeVersion(),
        ScriptStatus.of(i.scripts()),
        i.reportedAt());
  }

  /** Each instance's own figures; only this caller's service's instances are looked up. */
  private void charts(List<Instance> current) {
    charts =
        InstanceCharts.of(
            current.stream()
                .map(
                    i -> new InstanceCharts.Reported(i.name(), i.role(), metrics.samples(i.name())))
                .toList(),
            Instant.now());
  }

  private void resetScale() {
    scale = new LinkedHashMap<>();
    for (RoleSpec role : getRoles()) {
      scale.put(role.name(), roleCounts.getOrDefault(role.name(), 0));
    }
  }

  public void start() {
    act(
        "Start requested: the service goes through PROLOGUE to RUNNING",
        () -> services.start(caller.get(), app, name));
  }

  public void stop() {
    act(
        "Stop requested: instances are released (EPILOGUE, then STOPPED)",
        () -> services.stop(caller.get(), app, name));
  }

  public void applyScale() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    scale.forEach((role, count) -> counts.put(role, count));
    String wanted =
        counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(java.util.stream.Collectors.joining(", "));
    if (act(
        "Scaling to " + wanted + ": the reconcile loop adds or removes instances",
        () -> services.scale(caller.get(), app, name, counts))) {
      resetScale();
    }
  }

  public void run() {
    script(Script.RUN);
  }

  public void interrupt() {
    script(Script.INTERRUPT);
  }

  public void cleanup() {
    script(Script.CLEANUP);
  }

  private void script(Script script) {
    act(
        script.name().toLowerCase(java.util.Locale.ROOT) + ".sh requested on every instance",
        () -> services.trigger(caller.get(), app, name, script));
  }

  /**
   * Runs one change, again when it lost a race with a reconcile pass on the same rows, as the API
   * does; true when the manager accepted it.
   */
  private boolean act(String done, Runnable change) {
    boolean accepted = false;
    try {
      ConflictRetry.run(change);
      Feedback.info(done);
      accepted = true;
    } catch (DomainException refused) {
      Feedback.refused(refused, Map.of("roles", "tabs:scale:roles", "script", "actions:scripts"));
    }
    refresh();
    return accepted;
  }

  public void moreEvents() {
    eventsShown = Math.min(eventsShown + EVENTS_PAGE, 500);
    refresh();
  }

  public List<RoleSpec> getRoles() {
    return catalogType().map(ServiceType::roles).orElse(List.of());
  }

  /** The archive formats this type takes, for the upload's hint. */
  public String getCodeFormats() {
    return catalogType().map(CatalogBean::formatsOf).orElse("");
  }

  public boolean isGeneric() {
    return header != null && "generic".equals(header.type());
  }

  public boolean isFlink() {
    return header != null && "flink".equals(header.type());
  }

  /** Whether the type has settings users may give (PHP's memory_limit and others). */
  public boolean isConfigurable() {
    return catalogType().map(t -> !t.settings().isEmpty()).orElse(false);
  }

  /** Whether the type takes an autoscaling policy. */
  public boolean isAutoscalable() {
    return catalogType().map(t -> t.autoscaledRole() != null).orElse(false);
  }

  /** The service's catalog type; empty before the service is found. */
  public Optional<ServiceType> catalogType() {
    return header == null ? Optional.empty() : CATALOG.find(header.type());
  }

  public long runningInstances() {
    return instances.stream().filter(i -> "RUNNING".equals(i.state()) && !i.removing()).count();
  }

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = app;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isFound() {
    return found;
  }

  public Header getHeader() {
    return header;
  }

  public List<InstanceRow> getInstances() {
    return instances;
  }

  public List<EdgeMap.Point> getMap() {
    return map;
  }

  public List<EventRow> getEvents() {
    return events;
  }

  public boolean isMoreEvents() {
    return eventsTotal > events.size() && eventsShown < 500;
  }

  /** The service's migrations, newest first. */
  public List<MigrationRow> getMigrations() {
    return migrations;
  }

  public InstanceCharts.View getCharts() {
    return charts;
  }

  public Map<String, Integer> getScale() {
    return scale;
  }
}

package org.mecconpaas.manager;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.application.AccessPointRoutes;
import org.mecconpaas.manager.application.AccessPoints;
import org.mecconpaas.manager.application.AgentGateway;
import org.mecconpaas.manager.application.AgentMessages.Enrollment;
import org.mecconpaas.manager.application.AgentMessages.LogChunk;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.AgentMessages.Report;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.ClientAssociations;
import org.mecconpaas.manager.application.ClientDirectory;
import org.mecconpaas.manager.application.InstanceMetricsHistory;
import org.mecconpaas.manager.application.MobilityEmulation;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.application.ServiceReconciler;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;
import org.mecconpaas.manager.infrastructure.edge.EdgeAgentDriver;
import org.mecconpaas.manager.infrastructure.emulation.AccessPointSettings;
import org.mecconpaas.manager.infrastructure.emulation.EmulatedEdgeSettings;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;
import org.mecconpaas.manager.infrastructure.persistence.RouteRepository;
import org.mecconpaas.manager.infrastructure.storage.InstanceLogs;

/**
 * The edge side of a {@link TestingMaster}: the agent gateway, the edge agent driver, and a
 * reconciler and service operations that provision through that driver (the master's own use the
 * recording driver). Nodes enroll as real agents do, with join tokens the admin issues.
 */
public final class TestingEdge {
  public static final long HEARTBEAT_MILLIS = 2000;

  /** Where enrolled boards say they are. */
  public static final double LATITUDE = 52.16;

  public static final double LONGITUDE = 4.49;

  public static final int EMULATED_NODES = 4;

  public final TestingMaster master;
  public final MasterSettings settings;
  public final InstanceLogs logs;
  public final InstanceMetricsHistory metrics;
  public final AgentGateway gateway;

  /** An emulated edge of {@link #EMULATED_NODES} nodes, with the default radio and latency. */
  public final AccessPointSettings accessPointSettings;

  public final ClientRepository clients;
  public final RouteRepository routes;
  public final ClientAssociations associations;
  public final ClientDirectory clientDirectory;
  public final MobilityEmulation mobility;
  public final AccessPointRoutes accessPointRoutes;
  public final AccessPoints accessPoints;
  public final EdgeAgentDriver driver;
  public final ServiceReconciler reconciler;
  public final ServiceOperations serviceOperations;

  private Caller admin;
  private Caller developer;

  public TestingEdge(TestingMaster master) {
    this.master = master;
    settings =
        new MasterSettings(
            master.dataDir.toString(),
            TestingMaster.DEFAULT_MAX_UPLOAD,
            30,
            Optional.empty(),
            HEARTBEAT_MILLIS);
    logs = new InstanceLogs(settings);
    metrics = new InstanceMetricsHistory();
    accessPointSettings =
        new AccessPointSettings(
            new EmulatedEdgeSettings(EMULATED_NODES, Optional.empty(), "process", 8080),
            150,
            2,
            5,
            200);
    clients = new ClientRepository(master.em);
    routes = new RouteRepository(master.em);
    associations = new ClientAssociations(clients, master.nodes, master.clock);
    clientDirectory = new ClientDirectory(clients);
    mobility =
        new MobilityEmulation(
            master.nodes, clients, accessPointSettings, master.audit, master.clock);
    accessPointRoutes =
        new AccessPointRoutes(routes, master.nodes, master.serviceOperations, accessPointSettings);
    accessPoints = new AccessPoints(associations, mobility, accessPointRoutes);
    gateway =
        new AgentGateway(
            master.nodes,
            master.instances,
            master.versions,
            master.codeStore,
            logs,
            master.audit,
            master.clock,
            settings,
            metrics,
            accessPoints);
    driver = new EdgeAgentDriver(master.em, master.clock);
    reconciler =
        new ServiceReconciler(
            master.em, master.instances, master.nodes, driver, master.audit, master.clock);
    serviceOperations =
        new ServiceOperations(
            master.applicationOperations,
            master.services,
            master.instances,
            reconciler,
            master.codeStore,
            master.audit,
            master.clock);
  }

  /** The first admin, created on first use. */
  public Caller admin() {
    if (admin == null) {
      admin = master.admin();
    }
    return admin;
  }

  /** Developer {@code alice} with application {@code shop}, created on first use. */
  public Caller alice() {
    if (developer == null) {
      developer = master.developer(admin(), "alice");
      master.run(() -> master.applicationOperations.create(developer, "shop", null));
    }
    return developer;
  }

  /** A join token made for {@code nodeName} (null: any name), valid for {@code hours}. */
  public String joinToken(String nodeName, Integer hours) {
    Caller caller = admin();
    return master
        .inTransaction(() -> master.nodeRegistry.issueToken(caller, nodeName, hours))
        .secret();
  }

  public static Enrollment enrollment(
      String token, String name, int cpuMillis, int memoryMiB, String address) {
    return new Enrollment(
        token, name, LATITUDE, LONGITUDE, cpuMillis, memoryMiB, address, "process");
  }

  /** Enrolls a board the way its agent does; returns the node's credential. */
  public String enroll(String name, int cpuMillis, int memoryMiB, String address) {
    String token = joinToken(name, null);
    return master
        .inTransaction(() -> gateway.enroll(enrollment(token, name, cpuMillis, memoryMiB, address)))
        .credential();
  }

  /** A heartbeat reporting these instances and no logs. */
  public Reply heartbeat(String credential, InstanceReport... instances) {
    return heartbeat(credential, List.of(instances), List.of());
  }

  public Reply heartbeat(String credential, List<InstanceReport> instances, List<LogChunk> logs) {
    return master.inTransaction(
        () -> gateway.heartbeat(credential, new Report(0.25, 300, instances, logs)));
  }

  /** What an agent says about an instance it runs in the node's address space. */
  public static InstanceReport report(String name, InstanceState state) {
    return new InstanceReport(name, state, null, 1, null, null, false);
  }

  /** Reports for every instance the reply asks the node to run, all in {@code state}. */
  public static InstanceReport[] reportAll(Reply reply, InstanceState state) {
    return reply.instances().stream()
        .map(i -> report(i.id(), state))
        .toArray(InstanceReport[]::new);
  }

  public Node node(String name) {
    return master.inTransaction(() -> master.nodes.byName(name).orElseThrow());
  }

  public Optional<Instance> instance(String name) {
    return master.inTransaction(
        () ->
            master
                .em
                .createQuery("SELECT i FROM Instance i WHERE i.name = :name", Instance.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst());
  }

  /** Every instance row, by name. */
  public List<Instance> allInstances() {
    return master.inTransaction(
        () ->
            master
                .em
                .createQuery("SELECT i FROM Instance i ORDER BY i.name", Instance.class)
                .getResultList());
  }

  /** Instances of a service, by role and slot. */
  public List<Instance> instancesOf(long serviceId) {
    return master.inTransaction(
        () -> master.instances.of(master.em.find(Service.class, serviceId)));
  }

  /** Instance names on a node, sorted. */
  public List<String> namesOn(String nodeName) {
    return master.inTransaction(
        () ->
            master.instances.on(master.nodes.byName(nodeName).orElseThrow()).stream()
                .map(Instance::name)
                .toList());
  }

  public Service service(long id) {
    return master.inTransaction(() -> master.em.find(Service.class, id));
  }

  /** A generic service of alice's {@code shop} with {@code nodes} node instances, not started. */
  public Service genericService(String name, int nodes) {
    Caller caller = alice();
    return master.inTransaction(
        () ->
            serviceOperations.create(
                caller, "shop", name, "generic", null, Map.of("master", 1, "node", nodes)));
  }

  public Service start(String name) {
    Caller caller = alice();
    return master.inTransaction(() -> serviceOperations.start(caller, "shop", name));
  }

  public Service stop(String name) {
    Caller caller = alice();
    return master.inTransaction(() -> serviceOperations.stop(caller, "shop", name));
  }

  /** Uploads {@link Archives#sampleZip()} as the service's next code version. */
  public CodeVersion upload(String service) {
    Caller caller = alice();
    return master.inTransaction(
        () ->
            master.codeVersions.upload(
                caller,
                "shop",
                service,
                "bundle.zip",
                new ByteArrayInputStream(Archives.sampleZip())));
  }

  public void reconcile(long serviceId) {
    master.run(() -> reconciler.reconcile(serviceId));
  }

  /** The actions of the audit trail, oldest first. */
  public List<String> actions() {
    Caller caller = admin();
    return master
        .inTransaction(() -> master.audit.list(caller, null, null, 0, 500))
        .items()
        .stream()
        .sorted(java.util.Comparator.comparing(e -> e.id()))
        .map(e -> e.action())
        .toList();
  }

  /** Enrolls a board standing at the given position; returns the node's credential. */
  public String enrollAt(String name, double latitude, double longitude, String address) {
    String token = joinToken(name, null);
    return master
        .inTransaction(
            () ->
                gateway.enroll(
                    new Enrollment(
                        token, name, latitude, longitude, 4000, 4096, address, "process")))
        .credential();
  }

  /** A heartbeat listing these stations on the node's access point, and these instances. */
  public Reply heartbeatWithStations(
      String credential, List<StationSeen> stations, InstanceReport... instances) {
    return master.inTransaction(
        () ->
            gateway.heartbeat(
                credential, new Report(0.25, 300, List.of(instances), List.of(), stations)));
  }

  /**
   * One pass of the master's access-point loop: the mobility emulation moves, station lists become
   * associations, new services get route ports; each step in its own transaction.
   */
  public void accessPointPass() {
    master.run(mobility::tick);
    master.run(associations::reconcile);
    master.run(accessPointRoutes::assignPorts);
  }
}

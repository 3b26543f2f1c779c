package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.UploadTooLarge;
import org.mecconpaas.manager.domain.model.client.AccessPointSite;
import org.mecconpaas.manager.domain.model.client.Area;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.domain.model.client.MobilityModel;
import org.mecconpaas.manager.domain.model.client.RadioCoverage;
import org.mecconpaas.manager.domain.model.client.RandomWaypoint;
import org.mecconpaas.manager.domain.model.client.RandomWaypointSettings;
import org.mecconpaas.manager.domain.model.client.TraceReader;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.infrastructure.emulation.AccessPointSettings;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;

/**
 * Emulated mobile users for the emulated edge. Operators start a model (random waypoint or a
 * trace); every second {@link #tick()} moves its clients and associates each with the nearest
 * access point in radio range. The result goes to each node as the stations of its access-point
 * plan; the emulated agents report them back as their stations, so associations are recorded the
 * same way as on real boards ({@link ClientAssociations}). The run lives in memory: a master
 * restart stops it.
 */
@ApplicationScoped
public class MobilityEmulation {
  /** Largest trace upload: about 200 000 lines. */
  public static final int MAX_TRACE_BYTES = 16 * 1024 * 1024;

  private final AtomicReference<MobilityRun> run = new AtomicReference<>();

  private NodeRepository nodes;
  private ClientRepository clients;
  private AccessPointSettings settings;
  private AuditTrail audit;
  private Clock clock;

  /** Field-injected: tests outside the container construct this without agents to wake. */
  @Inject private AgentWakeups wakeups;

  protected MobilityEmulation() {}

  @Inject
  public MobilityEmulation(
      NodeRepository nodes,
      ClientRepository clients,
      AccessPointSettings settings,
      AuditTrail audit,
      Clock clock) {
    this.nodes = nodes;
    this.clients = clients;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts the random waypoint model; 409 without an emulated edge or while a run is on. */
  @Transactional
  public MobilityRun startRandomWaypoint(
      Caller caller,
      Integer clients,
      String model,
      Long seed,
      List<Double> speedMps,
      List<Double> pauseSeconds) {
    checkStartable(caller);
    RandomWaypointSettings wanted =
        RandomWaypointSettings.of(
            clients, model, seed, speedMps, pauseSeconds, new SecureRandom()::nextLong);
    RandomWaypoint walk = new RandomWaypoint(wanted, area());
    return start(caller, walk, wanted.describe());
  }

  /** Starts a CSV trace ({@code time,client,lat,lon}); refused whole on any bad line. */
  @Transactional
  public MobilityRun startTrace(Caller caller, InputStream csv) {
    checkStartable(caller);
    MobilityModel trace = TraceReader.read(text(csv), area());
    return start(caller, trace, "trace of " + trace.clients().size() + " clients");
  }

  /** Stops the run (if one is on); emulated positions are cleared by the next tick. */
  @Transactional
  public void stop(Caller caller) {
    caller.requireAdmin();
    MobilityRun stopped = run.getAndSet(null);
    if (stopped != null) {
      audit.success(caller.username(), "mobility.stop", null, null, null, stopped.model().name());
      wakeAccessPoints(stopped.nodesChangedSince(null));
    }
  }

  /** The run, if one is on; every signed-in user may look. */
  public Optional<MobilityRun> current(Caller caller) {
    return Optional.ofNullable(run.get());
  }

  /** Whether runs may be started here at all. */
  public boolean available() {
    return settings.emulated();
  }

  /** The stations the emulation puts on a node's access point now. */
  public List<String> stationsFor(String node) {
    MobilityRun current = run.get();
    return current == null ? List.of() : current.stationsOf(node);
  }

  /**
   * Moves the clients to where the model has them now, associates them and stores their positions
   * (cleared once no run moves them). Called every second by one thread, the only one that writes
   * positions.
   */
  @Transactional
  public void tick() {
    MobilityRun current = run.get();
    Map<String, GeoPoint> positions = Map.of();
    if (current != null) {
      MobilityRun next = advance(current.model(), current.startedAt());
      if (run.compareAndSet(current, next)) {
        positions = next.positions();
        // the access points whose stations changed hear of it now, as a radio would
        wakeAccessPoints(next.nodesChangedSince(current));
      }
    }
    Instant now = clock.instant();
    Map<String, MobileClient> stored = new HashMap<>();
    for (MobileClient client : clients.positioned()) {
      stored.put(client.id(), client);
      if (!positions.containsKey(client.id())) {
        client.emulatedAt(null, now);
      }
    }
    positions.forEach(
        (id, position) ->
            Optional.ofNullable(stored.get(id))
                .or(() -> clients.byId(id))
                .orElseGet(() -> clients.add(new MobileClient(id, now)))
                .emulatedAt(position, now));
  }

  private void checkStartable(Caller caller) {
    caller.requireAdmin();
    if (!settings.emulated()) {
      throw new StateConflict(
          "mobile clients can only be emulated on an emulated edge; this master runs none");
    }
    if (run.get() != null) {
      throw new StateConflict("the mobility emulation runs already; stop it first");
    }
  }

  private MobilityRun start(Caller caller, MobilityModel model, String detail) {
    MobilityRun first = advance(model, clock.instant());
    if (!run.compareAndSet(null, first)) {
      throw new StateConflict("the mobility emulation runs already; stop it first");
    }
    audit.success(caller.username(), "mobility.start", null, null, null, detail);
    wakeAccessPoints(first.nodesChangedSince(null));
    return first;
  }

  private void wakeAccessPoints(java.util.Set<String> nodes) {
    if (wakeups != null && !nodes.isEmpty()) {
      wakeups.wake(nodes);
    }
  }

  private MobilityRun advance(MobilityModel model, Instant startedAt) {
    long second = Math.max(0, Duration.between(startedAt, clock.instant()).getSeconds());
    SortedMap<String, GeoPoint> positions = model.positionsAt(second);
    List<AccessPointSite> sites =
        nodes.all().stream()
            .filter(n -> n.state() != NodeState.DOWN)
            .map(MobilityEmulation::site)
            .toList();
    RadioCoverage coverage = new RadioCoverage(sites, settings.radioRangeMeters());
    return new MobilityRun(model, startedAt, second, positions, coverage.associate(positions));
  }

  /** The nodes' bounding box plus the margin; 409 while no node is registered. */
  private Area area() {
    List<GeoPoint> points =
        nodes.all().stream().filter(n -> !n.revoked()).map(n -> site(n).position()).toList();
    if (points.isEmpty()) {
      throw new StateConflict("no node is registered yet: clients move among the nodes");
    }
    return Area.around(points, settings.areaMarginMeters());
  }

  private static AccessPointSite site(Node node) {
    return new AccessPointSite(node.name(), node.position());
  }

  private static String text(InputStream csv) {
    try {
      byte[] bytes = csv.readNBytes(MAX_TRACE_BYTES + 1);
      if (bytes.length > MAX_TRACE_BYTES) {
        throw new UploadTooLarge("a trace is at most " + MAX_TRACE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the trace", e);
    }
  }
}

package org.mecconpaas.cli.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A checked experiment: what to deploy, how the clients move, what they ask, for how long. Built
 * only by {@link ScenarioReader}, so every value here is valid and every file exists.
 *
 * @param name for the output and the chart's title
 * @param application the application the services go into (created when missing)
 * @param duration how long the clients send requests, from the start of the mobility emulation
 * @param expectedNodes nodes that must be UP before anything is deployed: a count, names, or none
 * @param services in the order they are deployed
 */
public record Scenario(
    String name,
    String application,
    Duration duration,
    ExpectedNodes expectedNodes,
    List<ServicePlan> services,
    Movement movement,
    Load load) {

  public Scenario {
    services = List.copyOf(services);
  }

  /** Nodes to wait for: at least {@code count} UP, and each of {@code names} UP. */
  public record ExpectedNodes(int count, List<String> names) {
    public static final ExpectedNodes NONE = new ExpectedNodes(0, List.of());

    public ExpectedNodes {
      names = List.copyOf(names);
    }
  }

  /**
   * One service: created with its type and roles, given its placement, its bundle uploaded, started
   * and (generic with {@code run}) its run.sh triggered.
   */
  public record ServicePlan(
      String name,
      String type,
      Path bundle,
      Map<String, Integer> roles,
      Placement placement,
      boolean run) {
    public ServicePlan {
      roles = Map.copyOf(roles);
    }
  }

  /**
   * The body of {@code PUT .../placement}; absent parts are left to the master. {@code users}: the
   * client ids a {@code near-users} service follows (absent: every client).
   */
  public record Placement(
      String policy,
      Near near,
      Double maxUserDistanceMeters,
      List<String> nodeLabels,
      List<String> users) {
    public Placement {
      nodeLabels = nodeLabels == null ? null : List.copyOf(nodeLabels);
      users = users == null ? null : List.copyOf(users);
    }
  }

  /** The point of the {@code near} policy. */
  public record Near(double latitude, double longitude, Double radiusMeters) {}

  /** How the clients move: one of the master's mobility models. */
  public sealed interface Movement permits RandomWaypoint, Trace {}

  /** The master's random waypoint model; the seed is required, so that a run can be repeated. */
  public record RandomWaypoint(
      int count, long seed, List<Double> speedMps, List<Double> pauseSeconds) implements Movement {}

  /** A CSV trace {@code time,client,lat,lon}, already checked line by line. */
  public record Trace(Path file, String csv, List<String> clients, double lastSecond)
      implements Movement {
    public Trace {
      clients = List.copyOf(clients);
    }
  }

  /**
   * What every client asks of every service, at a steady rate.
   *
   * @param requestsPerSecond per client and service
   * @param path the HTTP path, starting with {@code /}
   * @param timeout a request not answered within it counts as failed
   * @param warmup sent before the scenario's duration and left out of the latency figures (the JIT
   *     compilers, the servers' first requests); its failures count all the same
   */
  public record Load(double requestsPerSecond, String path, Duration timeout, Duration warmup) {}
}

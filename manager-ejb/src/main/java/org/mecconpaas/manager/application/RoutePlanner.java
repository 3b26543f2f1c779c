package org.mecconpaas.manager.application;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mecconpaas.manager.application.AgentMessages.Route;
import org.mecconpaas.manager.application.AgentMessages.RouteTarget;
import org.mecconpaas.manager.domain.model.client.AccessPointSite;
import org.mecconpaas.manager.domain.model.client.LatencyModel;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * The routes of one access point, computed from values only. Which roles serve users, per catalog
 * type: every instance of a generic service (the developer's scripts decide what listens), the
 * proxy of PHP and Java web hosting. Other types get no route: their clients are other services or
 * the master (a database, storage, MapReduce, task farms, Flink, whose jobs are submitted through
 * the API and read their streams themselves).
 */
public final class RoutePlanner {
  /** Catalog type to the roles users connect to; an empty set stands for every role. */
  private static final Map<String, Set<String>> USER_FACING =
      Map.of("generic", Set.of(), "php", Set.of("proxy"), "java", Set.of("proxy"));

  /** The catalog types that get routes. */
  public static final Set<String> ROUTED_TYPES = USER_FACING.keySet();

  private RoutePlanner() {}

  /** An instance that may serve a route, and where its node stands. */
  public record Candidate(
      String instance, String ip, int port, String node, GeoPoint position, boolean draining) {}

  /** A service to route ({@code name}: {@code app/service}) and its serving instances. */
  public record RoutedService(String name, int port, List<Candidate> instances) {}

  /** Whether users of a service of {@code type} connect to instances of {@code role}. */
  public static boolean servesUsers(String type, String role) {
    Set<String> roles = USER_FACING.get(type);
    return roles != null && (roles.isEmpty() || roles.contains(role));
  }

  /**
   * One route per service, in the order given; targets nearest first (ties by node, then instance
   * name); draining last: instances on draining nodes, and instances that a migration replaces.
   * Those serve only until the others take over, and meanwhile they take the connections that a
   * successor just switched to cannot accept yet (its server still binding its port), so that the
   * switch of a make-before-break migration costs no request.
   */
  public static List<Route> plan(
      AccessPointSite self, List<RoutedService> services, LatencyModel latency) {
    return services.stream()
        .map(
            s ->
                new Route(
                    s.name(),
                    s.port(),
                    s.instances().stream()
                        .sorted(nearestFirst(self))
                        .map(c -> target(self, c, latency))
                        .toList()))
        .toList();
  }

  private static Comparator<Candidate> nearestFirst(AccessPointSite self) {
    return Comparator.comparing(Candidate::draining)
        .thenComparingDouble((Candidate c) -> distance(self, c))
        .thenComparing(Candidate::node)
        .thenComparing(Candidate::instance);
  }

  private static double distance(AccessPointSite self, Candidate c) {
    return c.node().equals(self.node()) ? 0 : self.position().distanceMeters(c.position());
  }

  private static RouteTarget target(AccessPointSite self, Candidate c, LatencyModel latency) {
    boolean sameNode = c.node().equals(self.node());
    return new RouteTarget(
        c.instance(),
        c.ip(),
        c.port(),
        c.node(),
        latency.oneWayMillis(sameNode, distance(self, c)));
  }
}

package org.mecconpaas.agent.access;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.mecconpaas.agent.json.JsonMap;

/** A node's access point: its stations and its router, both following the master's plan. */
public final class NodeAccessPoint implements AccessPoint {
  private static final Logger LOG = Logger.getLogger(NodeAccessPoint.class.getName());

  /** The {@code --access-point} kinds. */
  public static final List<String> KINDS = List.of("none", "emulated", "hostapd");

  private final StationSource stations;
  private final AccessPointRouter router;

  NodeAccessPoint(StationSource stations, AccessPointRouter router) {
    this.stations = stations;
    this.router = router;
  }

  /**
   * @param kind {@code none} (no stations, no router), {@code emulated} (the plan's stations) or
   *     {@code hostapd} (stations from {@code hostapdCli all_sta})
   * @param address the node's own address, where the router listens
   * @param hostapdCli the hostapd_cli command, split at white space (e.g. {@code hostapd_cli -i
   *     wlan0})
   */
  public static AccessPoint create(String kind, String address, String hostapdCli) {
    return switch (kind) {
      case "none" -> AccessPoint.NONE;
      case "emulated" ->
          new NodeAccessPoint(new EmulatedStations(System::currentTimeMillis), router(address));
      case "hostapd" ->
          new NodeAccessPoint(
              HostapdStations.of(Arrays.asList(hostapdCli.strip().split("\\s+"))), router(address));
      default -> throw new IllegalArgumentException("no access point kind " + kind);
    };
  }

  private static AccessPointRouter router(String address) {
    return new AccessPointRouter(address, AccessPointRouter.DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * Never throws (the heartbeat must not fail for it): a plan it cannot read leaves stations and
   * routes as they were.
   */
  @Override
  public void apply(JsonMap plan) {
    try {
      AccessPointPlan parsed = AccessPointPlan.fromJson(plan);
      stations.planned(parsed.stations());
      router.apply(parsed.routes());
    } catch (RuntimeException e) {
      LOG.warning("cannot apply the access-point plan: " + e.getMessage());
    }
  }

  @Override
  public List<Map<String, Object>> clients() {
    return stations.current().stream().map(Station::toJson).toList();
  }

  /** The router's figures per listening port, for tests and diagnostics. */
  Map<Integer, RouteStats> routeStats() {
    return router.stats();
  }

  @Override
  public void close() {
    router.close();
  }
}

package org.mecconpaas.cli.experiment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.mecconpaas.cli.client.JsonDocument;

/**
 * Where each service is reached at each access point (GET .../routes, polled: a route's port stays
 * for the service's life, but nodes come and go), and which node an address or an instance belongs
 * to, to name who served a request.
 */
final class RouteWatch {
  /** One access point's address for a service. */
  record Route(String node, String address, int port) {
    String text() {
      return address + ":" + port;
    }
  }

  private static final String AMBIGUOUS = "";

  private final List<String> services;
  private final Function<String, JsonDocument> routesOf;
  private final Function<String, JsonDocument> instancesOf;
  private final Map<String, Map<String, Route>> routes = new ConcurrentHashMap<>();
  private final Map<String, String> nodeOfAddress = new ConcurrentHashMap<>();
  private final Map<String, String> nodeOfInstance = new ConcurrentHashMap<>();

  RouteWatch(
      List<String> services,
      Function<String, JsonDocument> routesOf,
      Function<String, JsonDocument> instancesOf) {
    this.services = List.copyOf(services);
    this.routesOf = routesOf;
    this.instancesOf = instancesOf;
  }

  void poll() {
    for (String service : services) {
      Map<String, Route> byNode = new HashMap<>();
      for (JsonValue value : routesOf.apply(service).asArray()) {
        JsonObject route = value.asJsonObject();
        Route r =
            new Route(route.getString("node"), route.getString("address"), route.getInt("port"));
        byNode.put(r.node(), r);
        // on a loopback edge every node has the same address: then it names none of them
        String known = nodeOfAddress.putIfAbsent(r.address(), r.node());
        if (known != null && !known.equals(r.node())) {
          nodeOfAddress.put(r.address(), AMBIGUOUS);
        }
      }
      routes.put(service, Map.copyOf(byNode));
      for (JsonValue value : instancesOf.apply(service).asArray()) {
        JsonObject instance = value.asJsonObject();
        JsonValue node = instance.get("node");
        if (node != null && node.getValueType() == JsonValue.ValueType.STRING) {
          nodeOfInstance.put(instance.getString("name"), instance.getString("node"));
        }
      }
    }
  }

  /** The route of {@code service} at access point {@code node}, or {@code null}. */
  Route route(String service, String node) {
    return routes.getOrDefault(service, Map.of()).get(node);
  }

  boolean hasRoutes(String service) {
    return !routes.getOrDefault(service, Map.of()).isEmpty();
  }

  /**
   * The node that served: the node whose address the echo gave (an instance of the process runtime
   * serves on its node's address), else where the master has the instance (LXC containers have
   * their own addresses), else the echo's own word.
   */
  String servingNode(String echoedNode, String instance) {
    String byAddress = echoedNode == null ? null : nodeOfAddress.get(echoedNode);
    if (byAddress != null && !byAddress.equals(AMBIGUOUS)) {
      return byAddress;
    }
    if (instance != null && nodeOfInstance.containsKey(instance)) {
      return nodeOfInstance.get(instance);
    }
    return echoedNode;
  }
}

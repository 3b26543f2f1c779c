package org.mecconpaas.agent.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.mecconpaas.agent.json.JsonMap;

/**
 * The reply's {@code accessPoint} object. A malformed route is left out (and logged) rather than
 * failing the whole plan: the other services keep their addresses.
 */
record AccessPointPlan(List<String> stations, List<Route> routes) {
  private static final Logger LOG = Logger.getLogger(AccessPointPlan.class.getName());

  AccessPointPlan {
    stations = List.copyOf(stations);
    routes = List.copyOf(routes);
  }

  static AccessPointPlan fromJson(JsonMap json) {
    List<Route> routes = new ArrayList<>();
    for (JsonMap route : json.objects("routes")) {
      try {
        routes.add(Route.fromJson(route));
      } catch (IllegalArgumentException e) {
        LOG.warning("ignoring a malformed access-point route: " + e.getMessage());
      }
    }
    return new AccessPointPlan(strings(json, "stations"), routes);
  }

  /**
   * An array of strings. {@link JsonMap} has getters for arrays of objects only, and the json
   * package is not this one's to change, so its map is read directly. TODO: a {@code
   * JsonMap.strings(key)} getter replaces this.
   */
  private static List<String> strings(JsonMap json, String key) {
    Object value = rawFields(json).get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("field '" + key + "' must be an array");
    }
    List<String> result = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException("field '" + key + "' must hold strings");
      }
      result.add(s);
    }
    return result;
  }

  private static Map<?, ?> rawFields(JsonMap json) {
    try {
      Field fields = JsonMap.class.getDeclaredField("fields");
      fields.setAccessible(true);
      return (Map<?, ?>) fields.get(json);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read JsonMap's fields", e);
    }
  }
}

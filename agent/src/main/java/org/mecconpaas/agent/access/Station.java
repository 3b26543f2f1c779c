package org.mecconpaas.agent.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A station associated with the access point.
 *
 * @param id the MAC address (hostapd) or the emulated client's id
 * @param since when it associated, epoch milliseconds
 */
record Station(String id, long since) {

  /** As the report carries it: {@code {"id", "since"}}. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("since", since);
    return json;
  }
}

package org.mecconpaas.cli.experiment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.mecconpaas.cli.client.JsonDocument;

/**
 * Which access point each client is associated with now, as the mobility emulation has it (GET
 * /emulation/mobility, polled): the radio's view, which the access points report to the master with
 * their next heartbeat. Every change is kept, in order, at the emulation's time of it.
 */
final class AccessPointWatch {
  private final Supplier<JsonDocument> mobility;
  private final RunClock clock;
  private final Map<String, String> current = new ConcurrentHashMap<>();
  private final List<AssociationChange> changes = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  AccessPointWatch(Supplier<JsonDocument> mobility, RunClock clock) {
    this.mobility = mobility;
    this.clock = clock;
  }

  /** Reads the emulation once and notes what changed; false when it stopped running. */
  boolean poll() {
    JsonObject state = mobility.get().asObject();
    running = "RUNNING".equals(state.getString("state", ""));
    Map<String, String> now = new HashMap<>();
    if (running) {
      for (JsonValue value : state.getJsonArray("clients")) {
        JsonObject client = value.asJsonObject();
        JsonValue node = client.get("node");
        boolean none = node == null || node.getValueType() != JsonValue.ValueType.STRING;
        now.put(client.getString("id"), none ? null : client.getString("node"));
      }
    }
    update(now, running ? modelTime(state) : clock.now());
    return running;
  }

  /**
   * When the reading's associations happened: the emulation's start plus the second its last tick
   * computed, not when this poll saw them (up to a poll interval later, by when the master may have
   * acted on them already). Falls back to now for a master that does not say.
   */
  private Instant modelTime(JsonObject state) {
    try {
      return Instant.parse(state.getString("startedAt"))
          .plusSeconds(state.getJsonNumber("elapsedSeconds").longValueExact());
    } catch (RuntimeException e) {
      return clock.now();
    }
  }

  /** Applies one reading: every client in it, and clients no longer in it lose their AP. */
  synchronized void update(Map<String, String> reading, Instant at) {
    java.util.Set<String> clients = new java.util.TreeSet<>(current.keySet());
    clients.addAll(reading.keySet());
    for (String client : clients) {
      String before = current.get(client);
      String after = reading.get(client);
      if (!java.util.Objects.equals(before, after)) {
        changes.add(new AssociationChange(at, clock.seconds(at), client, before, after));
        if (after == null) {
          current.remove(client);
        } else {
          current.put(client, after);
        }
      }
    }
  }

  /** The access point of {@code client} now, or {@code null}. */
  String accessPoint(String client) {
    return current.get(client);
  }

  List<AssociationChange> changes() {
    return List.copyOf(changes);
  }
}

package org.mecconpaas.cli.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a trace {@code time,client,lat,lon} before anything is deployed, as the master will
 * (docs/api.md, mobility emulation): four fields, numbers, positions on the globe, times not going
 * back per client; plus clients the scenario does not name. The master also checks that the trace
 * stays in the area of the nodes, which only it knows.
 */
final class TraceCheck {
  /** What the trace holds: its clients in order of appearance and its last time. */
  record Result(List<String> clients, double lastSecond, List<String> problems) {}

  private static final int MAX_PROBLEMS = 20;

  private TraceCheck() {}

  /**
   * @param knownClients the clients the scenario names; empty: any client id is taken
   */
  static Result check(String csv, Set<String> knownClients) {
    List<String> problems = new ArrayList<>();
    Map<String, Double> lastTime = new HashMap<>();
    Set<String> clients = new LinkedHashSet<>();
    double last = 0;
    String[] lines = csv.replace("\r\n", "\n").split("\n");
    boolean first = true;
    for (int i = 0; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean header = first && line.toLowerCase(java.util.Locale.ROOT).startsWith("time");
      first = false;
      if (header) {
        continue;
      }
      String where = "line " + (i + 1);
      String[] fields = line.split(",", -1);
      if (fields.length != 4) {
        problems.add(where + ": expected time,client,lat,lon, got " + fields.length + " fields");
        continue;
      }
      String client = fields[1].strip();
      Double time = number(fields[0], where, "time", problems);
      Double lat = number(fields[2], where, "lat", problems);
      Double lon = number(fields[3], where, "lon", problems);
      if (client.isEmpty()) {
        problems.add(where + ": the client is empty");
        continue;
      }
      if (!knownClients.isEmpty() && !knownClients.contains(client)) {
        problems.add(
            where + ": unknown client '" + client + "' (the scenario names " + knownClients + ")");
      }
      if (lat != null && (lat < -90 || lat > 90)) {
        problems.add(where + ": latitude " + fields[2].strip() + " is outside -90..90");
      }
      if (lon != null && (lon < -180 || lon > 180)) {
        problems.add(where + ": longitude " + fields[3].strip() + " is outside -180..180");
      }
      if (time == null) {
        continue;
      }
      if (time < 0) {
        problems.add(where + ": time " + fields[0].strip() + " is before the start");
      }
      Double previous = lastTime.put(client, time);
      if (previous != null && time <= previous) {
        problems.add(
            where
                + ": time "
                + fields[0].strip()
                + " of "
                + client
                + " is not after its previous "
                + previous);
      }
      clients.add(client);
      last = Math.max(last, time);
    }
    if (clients.isEmpty() && problems.isEmpty()) {
      problems.add("the trace has no samples");
    }
    return new Result(List.copyOf(clients), last, problems);
  }

  private static Double number(String field, String where, String name, List<String> problems) {
    try {
      double value = Double.parseDouble(field.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(where + ": " + name + " '" + field.strip() + "' is not a number");
    return null;
  }
}

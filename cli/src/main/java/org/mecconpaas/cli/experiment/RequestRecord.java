package org.mecconpaas.cli.experiment;

import java.time.Instant;

/**
 * One request a client sent: when, through which access point and route, who answered (the echo
 * service says its instance and node), how long it took, and what went wrong if anything.
 *
 * @param seconds since the start of the run (the mobility emulation's start)
 * @param status the HTTP status, 0 when no answer came
 * @param error why the request failed, {@code null} when it did not
 */
record RequestRecord(
    Instant at,
    double seconds,
    String client,
    String service,
    String accessPoint,
    String route,
    String instance,
    String servingNode,
    double latencyMillis,
    int status,
    String error) {

  boolean ok() {
    return error == null && status == 200;
  }

  static final String CSV_HEADER =
      "time,seconds,client,service,access_point,route,instance,serving_node,latency_ms,status,error";

  String csv() {
    return Csv.row(
        at.toString(),
        Csv.number(seconds, 3),
        client,
        service,
        accessPoint,
        route,
        instance,
        servingNode,
        Csv.number(latencyMillis, 3),
        status == 0 ? "" : Integer.toString(status),
        error);
  }
}

package org.mecconpaas.cli.experiment;

import java.time.Instant;

/**
 * A client moved from one access point to another (either may be {@code null}: none in range), as
 * the mobility emulation had it when the run looked.
 */
record AssociationChange(Instant at, double seconds, String client, String from, String to) {
  static final String CSV_HEADER = "time,seconds,client,from,to";

  String csv() {
    return Csv.row(at.toString(), Csv.number(seconds, 3), client, from, to);
  }
}

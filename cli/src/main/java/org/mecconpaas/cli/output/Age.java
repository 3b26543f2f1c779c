package org.mecconpaas.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How long ago something happened, in one unit: "12s ago", "5m ago", "3h ago", "2d ago". */
public final class Age {

  private Age() {}

  public static String format(Duration age) {
    // A node's clock a little ahead of ours must not show as "-1s ago".
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 60) {
      return seconds + "s ago";
    }
    if (seconds < 60 * 60) {
      return seconds / 60 + "m ago";
    }
    if (seconds < 48 * 60 * 60) {
      return seconds / (60 * 60) + "h ago";
    }
    return seconds / (24 * 60 * 60) + "d ago";
  }

  /**
   * The age of an ISO-8601 instant such as {@code 2025-03-01T10:00:00Z} at {@code now}; {@code
   * null} when there is no instant, and the text unchanged when it is not one.
   */
  public static String since(String instant, Instant now) {
    if (instant == null) {
      return null;
    }
    try {
      return format(Duration.between(Instant.parse(instant), now));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}

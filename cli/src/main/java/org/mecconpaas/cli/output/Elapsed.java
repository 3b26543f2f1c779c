package org.mecconpaas.cli.output;

import java.util.Locale;

/** How long something ran, in its two largest units: "850ms", "12.3s", "4m05s", "2h07m". */
public final class Elapsed {

  private Elapsed() {}

  public static String format(long millis) {
    long value = Math.max(0, millis);
    if (value < 1000) {
      return value + "ms";
    }
    if (value < 60_000) {
      // Cut, not rounded: 59.97 s must not show as "60.0s".
      return String.format(Locale.ROOT, "%d.%ds", value / 1000, value % 1000 / 100);
    }
    long seconds = value / 1000;
    if (seconds < 60 * 60) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}

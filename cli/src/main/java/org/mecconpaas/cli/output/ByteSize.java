package org.mecconpaas.cli.output;

import java.util.Locale;

/** Byte counts in binary units, one decimal: "512 B", "1.5 KiB", "3.2 GiB". */
public final class ByteSize {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteSize() {}

  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    // Locale.ROOT: a decimal comma would be read as a list separator in tables.
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}

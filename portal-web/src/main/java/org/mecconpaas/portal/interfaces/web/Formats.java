package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes times, ages, sizes and loads; {@code #{fmt.age(...)}} in the pages. */
@Named("fmt")
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  public String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  public String clock(Instant at) {
    return at == null ? "" : CLOCK.format(at);
  }

  /** "12 s ago", "3 min ago"; "never" for null. */
  public String age(Instant at) {
    return age(at, Instant.now());
  }

  public static String age(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(at, now).toSeconds());
    if (seconds < 120) {
      return seconds + " s ago";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 2 * 86400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86400 + " d ago";
  }

  /** "512 B", "1.5 KiB", "12.0 MiB". */
  public static String bytes(long size) {
    if (size < 1024) {
      return size + " B";
    }
    double value = size;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  public String size(long size) {
    return bytes(size);
  }

  /** How long something ran: "850 ms", "42 s", "3 min 05 s", "2 h 03 min"; a dash when unknown. */
  public static String duration(long millis) {
    if (millis < 0) {
      return "—";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }

  /** CPU load (load average per CPU, 1.0 = busy) as a percentage; a dash when not reported. */
  public static String load(Double load) {
    return load == null ? "—" : Math.round(load * 100) + " %";
  }

  public String percent(Double load) {
    return load(load);
  }

  /** Memory in use of the node's total, e.g. "310 / 1024 MiB". */
  public String memory(Integer used, int total) {
    return (used == null ? "—" : used.toString()) + " / " + total + " MiB";
  }

  /** The first characters of a digest, enough to tell versions apart. */
  public String shortHash(String sha256) {
    return sha256 == null || sha256.length() < 12 ? sha256 : sha256.substring(0, 12);
  }
}

package org.mecconpaas.agent.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code hostapd_cli all_sta}: per station a line with its MAC address alone,
 * then {@code key=value} lines ({@code flags=[AUTH][ASSOC][AUTHORIZED]}, ..., {@code
 * connected_time=SECONDS}, ...). Lines before the first MAC (such as {@code Selected interface
 * 'wlan0'}) and unknown keys are skipped; a station whose flags lack {@code [ASSOC]} is only
 * authenticated, not associated, and left out.
 */
final class HostapdStaParser {
  private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  /**
   * @param connectedSeconds how long it has been associated, -1 when hostapd does not say
   */
  record Sta(String mac, long connectedSeconds) {}

  private HostapdStaParser() {}

  static List<Sta> parse(String output) {
    List<Sta> stations = new ArrayList<>();
    String mac = null;
    boolean associated = false;
    long connected = -1;
    for (String raw : output.split("\n")) {
      String line = raw.strip();
      if (MAC.matcher(line).matches()) {
        add(stations, mac, associated, connected);
        mac = line.toLowerCase(Locale.ROOT);
        associated = true; // until a flags line says otherwise
        connected = -1;
      } else if (mac != null && line.startsWith("flags=")) {
        associated = line.contains("[ASSOC]");
      } else if (mac != null && line.startsWith("connected_time=")) {
        connected = seconds(line.substring("connected_time=".length()));
      }
    }
    add(stations, mac, associated, connected);
    return stations;
  }

  private static void add(List<Sta> stations, String mac, boolean associated, long connected) {
    if (mac != null && associated) {
      stations.add(new Sta(mac, connected));
    }
  }

  private static long seconds(String text) {
    try {
      long value = Long.parseLong(text.strip());
      return value >= 0 ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

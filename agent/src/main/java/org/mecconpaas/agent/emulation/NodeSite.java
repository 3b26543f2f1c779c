package org.mecconpaas.agent.emulation;

import java.util.regex.Pattern;

/**
 * One emulated board: its name (a DNS label, as the master requires), where it stands and what
 * hardware it has.
 */
public record NodeSite(String name, double latitude, double longitude, HardwareProfile profile) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public NodeSite {
    if (name == null || !DNS_LABEL.matcher(name).matches()) {
      throw new IllegalArgumentException("node name must be a lower-case DNS label: " + name);
    }
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude out of [-90, 90]: " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude out of [-180, 180]: " + longitude);
    }
    if (profile == null) {
      throw new IllegalArgumentException("no hardware profile for " + name);
    }
  }
}

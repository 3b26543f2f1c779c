package org.mecconpaas.agent.state;

import java.util.Locale;

/** The lifecycle scripts a code bundle may contain, by the names the protocol reports them. */
public enum Script {
  INIT,
  RUN,
  NOTIFY,
  INTERRUPT,
  CLEANUP;

  /** The key in reports and state files, e.g. {@code run}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file in the bundle, e.g. {@code run.sh}. */
  public String fileName() {
    return key() + ".sh";
  }

  public static Script ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}

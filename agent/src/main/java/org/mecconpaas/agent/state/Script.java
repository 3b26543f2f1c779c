package org.mecconpaas.agent.state;

import java.util.Locale;

/**
 * The lifecycle scripts, by the names the protocol reports them: a generic bundle's own (init, run,
 * notify, interrupt, cleanup), and a catalog role's (init, start, switch, notify: see
 * docs/role-runners.md).
 */
public enum Script {
  INIT,
  RUN,
  NOTIFY,
  INTERRUPT,
  CLEANUP,
  /** A role's daemon: kept running for as long as the instance exists. */
  START,
  /** Makes a running role serve a newly initialised code version. */
  SWITCH;

  /** Only catalog roles have it; a generic bundle's START or SWITCH would be an ordinary file. */
  public boolean roleOnly() {
    return this == START || this == SWITCH;
  }

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

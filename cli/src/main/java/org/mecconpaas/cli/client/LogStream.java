package org.mecconpaas.cli.client;

import java.util.Locale;

/** The two logs the master keeps per instance. */
public enum LogStream {
  STDOUT,
  STDERR;

  /** The last segment of {@code /instances/{instance}/logs/{stream}}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

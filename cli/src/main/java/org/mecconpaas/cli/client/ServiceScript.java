package org.mecconpaas.cli.client;

import java.util.Locale;

/** The scripts of a generic service that a developer can trigger on every instance. */
public enum ServiceScript {
  RUN,
  INTERRUPT,
  CLEANUP;

  /** The last segment of {@code /services/{svc}/scripts/{script}}, e.g. {@code run}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file in the code bundle, e.g. {@code run.sh}. */
  public String fileName() {
    return key() + ".sh";
  }
}

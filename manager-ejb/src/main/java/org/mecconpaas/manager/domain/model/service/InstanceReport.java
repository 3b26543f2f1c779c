package org.mecconpaas.manager.domain.model.service;

/**
 * What a node agent says about one of its instances in a heartbeat.
 *
 * @param address the instance's own address when its container has one, else null
 * @param scripts the script states as the agent sent them (JSON), shown to users as they are
 * @param scriptRunning whether any script of the instance is running now
 * @param metrics its latest figures (container CPU and memory, the role's own), may be empty
 */
public record InstanceReport(
    String name,
    InstanceState state,
    String message,
    Integer codeVersion,
    String address,
    String scripts,
    boolean scriptRunning,
    java.util.Map<String, Double> metrics) {

  public InstanceReport {
    metrics = java.util.Map.copyOf(metrics);
  }

  /** A report without figures. */
  public InstanceReport(
      String name,
      InstanceState state,
      String message,
      Integer codeVersion,
      String address,
      String scripts,
      boolean scriptRunning) {
    this(name, state, message, codeVersion, address, scripts, scriptRunning, java.util.Map.of());
  }
}

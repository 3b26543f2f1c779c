package org.mecconpaas.manager.domain.model.driver;

/**
 * Provisions instances on an infrastructure. Calls must be idempotent: provisioning an instance
 * that exists adopts it (names are deterministic), releasing a missing one is no error.
 */
public interface CloudDriver {
  /** A short name for logs and configuration, e.g. {@code edge-agent}. */
  String name();

  /** Creates the instance on the requested node, or moves it there if it runs elsewhere. */
  void provision(ProvisionRequest request);

  /** The instance's status, {@link InstanceStatus#RELEASED} when it does not exist. */
  InstanceStatus describe(String instanceName);

  /** Stops and removes the instance. */
  void release(String instanceName);
}

package org.mecconpaas.manager.domain.model.driver;

/** Portable status of a provisioned instance, whatever the infrastructure. */
public enum InstanceStatus {
  /** Asked for; the infrastructure has not reported it yet. */
  PENDING,
  STARTING,
  RUNNING,
  FAILED,
  /** Gone, or being removed. */
  RELEASED,
  /** The provider reported a state this driver does not know. */
  UNRECOGNIZED
}

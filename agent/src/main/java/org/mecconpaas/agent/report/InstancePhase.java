package org.mecconpaas.agent.report;

/** The instance states of the protocol. */
public enum InstancePhase {
  /** Fetching or unpacking code, or init.sh still running. */
  STARTING,
  /** Container up and init.sh done. */
  RUNNING,
  /** Will not get better with the same code: checksum mismatch, init.sh exit code, bad archive. */
  FAILED,
  /** The container could not be created or started. */
  STOPPED
}

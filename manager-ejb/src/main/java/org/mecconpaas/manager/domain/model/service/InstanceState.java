package org.mecconpaas.manager.domain.model.service;

/** An instance as its node reports it; PENDING until the node first does. */
public enum InstanceState {
  PENDING,
  STARTING,
  RUNNING,
  FAILED,
  STOPPED,
  /** A state name an agent sent that this master does not know. */
  UNRECOGNIZED;

  public static InstanceState fromReport(String reported) {
    for (InstanceState state : values()) {
      if (state.name().equals(reported)) {
        return state;
      }
    }
    return UNRECOGNIZED;
  }
}

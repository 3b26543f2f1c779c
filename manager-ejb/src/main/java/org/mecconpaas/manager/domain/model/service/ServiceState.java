package org.mecconpaas.manager.domain.model.service;

/** The ConPaaS service life cycle. */
public enum ServiceState {
  INIT,
  PROLOGUE,
  RUNNING,
  ADAPTING,
  EPILOGUE,
  STOPPED,
  ERROR;

  /** A service starts from rest: never started, stopped, or failed. */
  public boolean canStart() {
    return this == INIT || this == STOPPED || this == ERROR;
  }

  /** A service stops while it is starting, running, scaling or failed. */
  public boolean canStop() {
    return this == PROLOGUE || this == RUNNING || this == ADAPTING || this == ERROR;
  }

  /** No instances are wanted or alive, so the definition may be deleted. */
  public boolean isAtRest() {
    return this == INIT || this == STOPPED || this == ERROR;
  }
}

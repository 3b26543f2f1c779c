package org.mecconpaas.manager.domain.model.service;

/** The generic service's scripts that users trigger (init.sh and notify.sh run by themselves). */
public enum Script {
  RUN,
  INTERRUPT,
  CLEANUP
}

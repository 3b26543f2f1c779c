package org.mecconpaas.manager.domain.model.event;

/** How an audited action ended. */
public enum Outcome {
  SUCCESS,
  FAILURE
}

package org.mecconpaas.agent.reconcile;

/**
 * What the planner needs to know beyond the desired and the persisted state.
 *
 * @param containerReady the container exists with the desired limits and runs
 * @param jobInFlight a download/unpack or removal for this instance is still busy
 * @param roleFilesReady a role instance has its catalog scripts (always true for generic)
 * @param roleMayStart a role's start.sh may be started now (not backing off after an exit)
 */
public record LiveFacts(
    boolean containerReady, boolean jobInFlight, boolean roleFilesReady, boolean roleMayStart) {

  /** Facts for a generic instance, which has no role files and no start.sh. */
  public LiveFacts(boolean containerReady, boolean jobInFlight) {
    this(containerReady, jobInFlight, true, true);
  }
}

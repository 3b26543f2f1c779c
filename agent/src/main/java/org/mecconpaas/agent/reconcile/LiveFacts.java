package org.mecconpaas.agent.reconcile;

/**
 * What the planner needs to know beyond the desired and the persisted state.
 *
 * @param containerReady the container exists with the desired limits and runs
 * @param jobInFlight a download/unpack or removal for this instance is still busy
 * @param roleFilesReady a role instance has its catalog scripts (always true for generic)
 * @param roleMayStart a role's start.sh may be started now (not backing off after an exit)
 * @param roleEnvCurrent a running start.sh was started with the desired environment (the service's
 *     settings among it); true when nothing runs
 */
public record LiveFacts(
    boolean containerReady,
    boolean jobInFlight,
    boolean roleFilesReady,
    boolean roleMayStart,
    boolean roleEnvCurrent) {

  /** Facts for a generic instance, which has no role files and no start.sh. */
  public LiveFacts(boolean containerReady, boolean jobInFlight) {
    this(containerReady, jobInFlight, true, true, true);
  }

  public LiveFacts(
      boolean containerReady, boolean jobInFlight, boolean roleFilesReady, boolean roleMayStart) {
    this(containerReady, jobInFlight, roleFilesReady, roleMayStart, true);
  }
}

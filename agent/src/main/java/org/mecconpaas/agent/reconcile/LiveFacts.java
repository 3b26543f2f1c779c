package org.mecconpaas.agent.reconcile;

/**
 * What the planner needs to know beyond the desired and the persisted state.
 *
 * @param containerReady the container exists with the desired limits and runs
 * @param jobInFlight a download/unpack or removal for this instance is still busy
 */
public record LiveFacts(boolean containerReady, boolean jobInFlight) {}

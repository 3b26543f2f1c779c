package org.mecconpaas.manager.application;

/**
 * A service's desired or observed state changed (a user's start, stop, scale or setting; an
 * instance that reports a new state): the reconcile loop takes it at once after the commit rather
 * than at its next tick, which halves the time from an API call to RUNNING.
 */
public record ServiceChanged(long serviceId) {}

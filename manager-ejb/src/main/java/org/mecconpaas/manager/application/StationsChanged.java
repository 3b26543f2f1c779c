package org.mecconpaas.manager.application;

/**
 * An access point's heartbeat listed other clients than before: the associations should be brought
 * up to date at once rather than at the next second's pass.
 */
public record StationsChanged(String node) {}

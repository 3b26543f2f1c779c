/**
 * Node metrics for the heartbeat, read from {@code /proc} and the state directory's file store.
 * Parsing is separate from reading so it is tested on fixed text.
 */
package org.mecconpaas.agent.metrics;

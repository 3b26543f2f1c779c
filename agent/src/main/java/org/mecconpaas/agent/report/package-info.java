/**
 * What the agent tells the master in each heartbeat: the full state of every instance (never a
 * delta, so a lost heartbeat costs nothing), the node's metrics and the new log text.
 */
package org.mecconpaas.agent.report;

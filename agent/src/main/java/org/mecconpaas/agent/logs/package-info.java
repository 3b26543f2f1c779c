/**
 * Shipping instance logs to the master in heartbeats: each report carries what was appended since
 * the offset the master last acknowledged, bounded per stream, so a lost heartbeat loses nothing
 * and a slow link is never flooded.
 */
package org.mecconpaas.agent.logs;

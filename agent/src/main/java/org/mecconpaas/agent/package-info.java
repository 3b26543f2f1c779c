/**
 * The node agent that runs on every edge board: command line and start-up ({@link
 * org.mecconpaas.agent.AgentMain}), enrollment with a one-time join token, and the heartbeat loop
 * that reports the node's state and receives its desired state. The agent always dials out, so a
 * board behind NAT works, and it keeps running its last desired state while the master is away.
 */
package org.mecconpaas.agent;

/**
 * The node's desired state as the master last sent it: the instances to run with their code,
 * environment, membership and command counters. It is persisted ({@code desired.json}) so an agent
 * that restarts while the master is unreachable keeps running what it was told.
 */
package org.mecconpaas.agent.desired;

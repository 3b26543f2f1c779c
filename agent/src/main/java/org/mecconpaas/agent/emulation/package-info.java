/**
 * The emulated edge: N node agents on one machine as boards on a campus map. {@link
 * org.mecconpaas.agent.emulation.EdgePlan} computes names, addresses and the exact {@code ip} and
 * {@code tc} commands (pure, unit-tested); {@link org.mecconpaas.agent.emulation.EmulatedEdge}
 * applies them, starts the agents in their network namespaces and cgroups (as root; on loopback
 * otherwise), injects failures ({@code stop}, {@code restart}, {@code isolate}) and removes
 * everything on {@code close}. {@link org.mecconpaas.agent.emulation.EdgeEmulatorMain} is the
 * command line the master starts. Traffic never leaves 10.77.0.0/24 on this machine: no default
 * route, no forwarding, no NAT.
 */
package org.mecconpaas.agent.emulation;

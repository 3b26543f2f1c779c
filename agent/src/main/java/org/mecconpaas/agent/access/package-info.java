/**
 * The node's Wi-Fi access point (docs/agent-protocol.md, "Access point: stations and routes"):
 * which stations are associated with it ({@link org.mecconpaas.agent.access.EmulatedStations} from
 * the mobility emulation, {@link org.mecconpaas.agent.access.HostapdStations} from hostapd on a
 * real board) and the access-point router that gives each service one stable address on the node
 * and relays its connections to the nearest healthy instance, adding the emulated one-way latency.
 */
package org.mecconpaas.agent.access;

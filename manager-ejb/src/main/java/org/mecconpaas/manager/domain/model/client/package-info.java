/**
 * Mobile clients and the access points they use: a client's current node and its history of
 * associations, the geometry of the campus (positions, areas, radio coverage), the mobility models
 * that move emulated clients (random waypoint, traces), the emulated latency between nodes and the
 * stable port each user-facing service gets on every access point. Everything here but the entities
 * is pure and unit-tested without a container.
 */
package org.mecconpaas.manager.domain.model.client;

package org.mecconpaas.manager.domain.model.client;

import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/** Where a node's access point stands, for the pure computations on positions. */
public record AccessPointSite(String node, GeoPoint position) {}

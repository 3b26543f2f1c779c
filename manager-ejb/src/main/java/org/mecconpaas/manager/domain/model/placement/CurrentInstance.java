package org.mecconpaas.manager.domain.model.placement;

/**
 * An instance that exists already.
 *
 * @param nodeId the node it is placed on, or null if none
 */
public record CurrentInstance(String name, String role, int slot, Long nodeId) {}

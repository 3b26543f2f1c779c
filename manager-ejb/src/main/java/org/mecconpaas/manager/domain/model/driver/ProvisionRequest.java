package org.mecconpaas.manager.domain.model.driver;

import org.mecconpaas.manager.domain.model.service.Service;

/**
 * One instance to provision, or to move when it exists already.
 *
 * @param nodeId the node placement chose
 */
public record ProvisionRequest(Service service, String role, int slot, long nodeId) {}

package org.mecconpaas.manager.domain.model.driver;

import org.mecconpaas.manager.domain.model.service.Service;

/**
 * One instance to provision, or to move when it exists already.
 *
 * @param nodeId the node placement chose
 * @param migrationId set for a migration's destination: a second instance of the slot, named after
 *     the migration, next to the one it replaces
 */
public record ProvisionRequest(
    Service service, String role, int slot, long nodeId, Long migrationId) {

  public ProvisionRequest(Service service, String role, int slot, long nodeId) {
    this(service, role, slot, nodeId, null);
  }
}

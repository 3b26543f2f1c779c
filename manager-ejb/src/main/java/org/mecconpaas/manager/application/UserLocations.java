package org.mecconpaas.manager.application;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;

/**
 * Where a service's users are: the access points (nodes) their devices are associated with now.
 * Every associated client counts as a user of every {@code near-users} service: on a testbed the
 * experiment decides who uses what, and a per-service list of users can narrow it later.
 */
final class UserLocations {
  private final EntityManager em;

  UserLocations(EntityManager em) {
    this.em = em;
  }

  /**
   * One entry per associated client: its access point's position (clients of DOWN nodes left out).
   */
  List<GeoPoint> accessPoints(Service service) {
    return new ClientRepository(em)
        .currentAccessPoints().values().stream().map(Node::position).toList();
  }
}

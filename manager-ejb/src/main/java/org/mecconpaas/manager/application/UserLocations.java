package org.mecconpaas.manager.application;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;

/**
 * Where a service's users are: the access points (nodes) their devices are associated with now. A
 * service's placement may name its users (client ids); without, every associated client counts as a
 * user of every {@code near-users} service.
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
    java.util.Set<String> users = service.placement().users();
    return new ClientRepository(em)
        .currentAccessPoints().entrySet().stream()
            .filter(e -> users.isEmpty() || users.contains(e.getKey()))
            .map(e -> e.getValue().position())
            .toList();
  }
}

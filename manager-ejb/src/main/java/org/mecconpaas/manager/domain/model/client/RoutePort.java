package org.mecconpaas.manager.domain.model.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Set;

/**
 * The port a user-facing service gets on every access point's router, the same on all nodes and for
 * the service's whole life (stop and start keep it), so its users have one stable address per
 * access point. Ports come from {@link #FIRST}..{@link #LAST}, below the instances' own ports
 * (20000 and up) and the kernel's ephemeral range (32768 and up).
 */
@Entity
@Table(name = "service_route_ports")
@NamedQuery(name = "RoutePort.all", query = "SELECT p FROM RoutePort p ORDER BY p.serviceId")
public class RoutePort {
  public static final int FIRST = 10000;
  public static final int LAST = 19999;

  @Id
  @Column(name = "service_id")
  private long serviceId;

  @Column(nullable = false, unique = true)
  private int port;

  protected RoutePort() {}

  public RoutePort(long serviceId, int port) {
    this.serviceId = serviceId;
    this.port = port;
  }

  /**
   * The port a service gets: {@code FIRST + id mod size} when free, else the next free one up
   * (wrapping around), so small installations see ports that tell their service id.
   */
  public static int allocate(long serviceId, Set<Integer> taken) {
    int size = LAST - FIRST + 1;
    int preferred = (int) Math.floorMod(serviceId, (long) size);
    for (int i = 0; i < size; i++) {
      int port = FIRST + (preferred + i) % size;
      if (!taken.contains(port)) {
        return port;
      }
    }
    throw new IllegalStateException("all " + size + " route ports are taken");
  }

  public long serviceId() {
    return serviceId;
  }

  public int port() {
    return port;
  }
}

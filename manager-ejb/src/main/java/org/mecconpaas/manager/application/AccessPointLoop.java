package org.mecconpaas.manager.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, one after the other: the mobility emulation moves its clients, the latest station
 * lists become associations, new user-facing services get route ports. Each step in its own
 * transaction, so one failing does not hold the others up. Being the only writer of clients and
 * route ports spares the parallel heartbeats any conflict over them.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessPointLoop {
  private static final Logger LOG = Logger.getLogger(AccessPointLoop.class.getName());

  @Inject private MobilityEmulation mobility;
  @Inject private AssociationPass associations;
  @Inject private AccessPointRoutes routes;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  public void pass() {
    step("mobility emulation", mobility::tick);
    step("client associations", associations::run);
    step("route ports", routes::assignPorts);
  }

  private static void step(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " failed", e);
    }
  }
}

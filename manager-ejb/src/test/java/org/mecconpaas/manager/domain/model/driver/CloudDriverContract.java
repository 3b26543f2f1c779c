package org.mecconpaas.manager.domain.model.driver;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.Service;

/**
 * What every {@link CloudDriver} must do, written against the SPI alone. A driver's test extends
 * this class and says, through the hooks, how to make a service and a node, what its infrastructure
 * reports, and what the infrastructure holds.
 */
public abstract class CloudDriverContract {
  /** A state no provider has: a driver must not choke on it. */
  protected static final String UNKNOWN_PROVIDER_STATE = "HIBERNATING-IN-SPACE";

  /** The driver under test; the same one for the whole test. */
  protected abstract CloudDriver driver();

  /** A new service the driver may provision instances of. */
  protected abstract Service aService();

  /** A new node (or zone, host, ...) that takes instances; its id. */
  protected abstract long aNode();

  /** The provider's spelling of a portable status, as the infrastructure would report it. */
  protected abstract String providerState(InstanceStatus status);

  /** The infrastructure reports that the instance is in {@code providerState}. */
  protected abstract void observe(String instanceName, String providerState);

  /**
   * The infrastructure has done what it was asked to do for a release (for a driver that releases
   * at once, nothing).
   */
  protected abstract void infrastructureConfirmsRelease(String instanceName);

  /** What the infrastructure holds: every instance it knows and where it is. */
  protected abstract Map<String, Long> instancesInInfrastructure();

  /** Runs driver calls as the reconcile loop would: in one transaction, if the driver needs one. */
  protected abstract <T> T inTransaction(Supplier<T> work);

  /** Instance names are deterministic, so a retried provisioning adopts. */
  protected String instanceName(Service service, String role, int slot) {
    return Instance.nameOf(service.id(), role, slot);
  }

  private String provision(Service service, String role, int slot, long node) {
    inTransaction(
        () -> {
          driver().provision(new ProvisionRequest(service, role, slot, node));
          return null;
        });
    return instanceName(service, role, slot);
  }

  private InstanceStatus describe(String name) {
    return inTransaction(() -> driver().describe(name));
  }

  private void release(String name) {
    inTransaction(
        () -> {
          driver().release(name);
          return null;
        });
  }

  @Test
  public void aDriverHasAName() {
    assertFalse(driver().name() == null || driver().name().isBlank());
  }

  @Test
  public void aProvisionedInstanceIsPendingUntilTheInfrastructureReportsIt() {
    Service service = aService();
    long node = aNode();

    String name = provision(service, "node", 0, node);

    assertEquals(InstanceStatus.PENDING, describe(name));
    assertEquals(Map.of(name, node), instancesInInfrastructure());
  }

  @Test
  public void theInfrastructuresStatesAreMappedToPortableOnes() {
    String name = provision(aService(), "node", 0, aNode());

    for (InstanceStatus status :
        new InstanceStatus[] {
          InstanceStatus.STARTING, InstanceStatus.RUNNING, InstanceStatus.FAILED
        }) {
      observe(name, providerState(status));
      assertEquals(status, describe(name), "reported " + providerState(status));
    }
  }

  @Test
  public void provisioningTheSameSlotTwiceAdoptsTheInstance() {
    Service service = aService();
    long node = aNode();

    String first = provision(service, "node", 0, node);
    String again = provision(service, "node", 0, node);

    assertEquals(first, again);
    assertEquals(Map.of(first, node), instancesInInfrastructure());
    assertNotEquals(InstanceStatus.RELEASED, describe(first));

    // another slot is another instance
    String second = provision(service, "node", 1, node);
    assertEquals(Map.of(first, node, second, node), instancesInInfrastructure());
  }

  @Test
  public void adoptingARunningInstanceOnItsOwnNodeKeepsItRunning() {
    Service service = aService();
    long node = aNode();
    String name = provision(service, "master", 0, node);
    observe(name, providerState(InstanceStatus.RUNNING));

    provision(service, "master", 0, node); // a retried pass

    assertEquals(InstanceStatus.RUNNING, describe(name));
    assertEquals(Map.of(name, node), instancesInInfrastructure());
  }

  @Test
  public void provisioningOnAnotherNodeMovesTheInstance() {
    Service service = aService();
    long first = aNode();
    long second = aNode();
    String name = provision(service, "node", 0, first);
    observe(name, providerState(InstanceStatus.RUNNING));

    provision(service, "node", 0, second);

    assertEquals(Map.of(name, second), instancesInInfrastructure());
    // the new place has not reported it yet
    assertEquals(InstanceStatus.PENDING, describe(name));
  }

  @Test
  public void aReleasedInstanceIsReleased() {
    Service service = aService();
    String name = provision(service, "node", 0, aNode());
    String other = provision(service, "node", 1, aNode());
    observe(name, providerState(InstanceStatus.RUNNING));

    release(name);
    infrastructureConfirmsRelease(name);

    assertEquals(InstanceStatus.RELEASED, describe(name));
    assertEquals(java.util.Set.of(other), instancesInInfrastructure().keySet());
    assertEquals(InstanceStatus.PENDING, describe(other));
  }

  @Test
  public void releasingAMissingInstanceIsNoError() {
    Service service = aService();
    String name = instanceName(service, "node", 7);

    assertDoesNotThrow(() -> release(name));

    String provisioned = provision(service, "node", 0, aNode());
    release(provisioned);
    infrastructureConfirmsRelease(provisioned);
    assertDoesNotThrow(() -> release(provisioned)); // twice
    assertEquals(Map.of(), instancesInInfrastructure());
  }

  @Test
  public void anUnknownInstanceIsReleased() {
    assertEquals(InstanceStatus.RELEASED, describe(instanceName(aService(), "node", 3)));
    assertEquals(InstanceStatus.RELEASED, describe("no-such-instance"));
  }

  @Test
  public void anUnknownProviderStateIsUnrecognizedAndNoError() {
    String name = provision(aService(), "node", 0, aNode());

    observe(name, UNKNOWN_PROVIDER_STATE);

    assertEquals(InstanceStatus.UNRECOGNIZED, describe(name));
    // and a known state afterwards is read again
    observe(name, providerState(InstanceStatus.RUNNING));
    assertEquals(InstanceStatus.RUNNING, describe(name));
  }

  @Test
  public void provisioningAgainAfterAReleaseBringsTheInstanceBack() {
    // e.g. a service scaled down and up again before the infrastructure finished the release
    Service service = aService();
    long node = aNode();
    String name = provision(service, "node", 1, node);
    observe(name, providerState(InstanceStatus.RUNNING));
    release(name);

    provision(service, "node", 1, node);

    assertNotEquals(InstanceStatus.RELEASED, describe(name));
    assertEquals(Map.of(name, node), instancesInInfrastructure());
  }
}

package org.mecconpaas.manager.domain.model.driver;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.manager.RecordingCloudDriver;
import org.mecconpaas.manager.TestingMaster;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.domain.model.service.Service;

/**
 * The harness's in-memory driver meets the same contract, so tests that use it in place of a real
 * driver see a driver that behaves like one. Services are real rows (instance names need their
 * ids); nodes are only ids, since the driver never looks them up.
 */
class RecordingCloudDriverTest extends CloudDriverContract {
  private static final Map<InstanceStatus, String> SPELLING =
      Map.of(
          InstanceStatus.STARTING, "BUILD",
          InstanceStatus.RUNNING, "ACTIVE",
          InstanceStatus.FAILED, "ERROR");

  @TempDir Path dataDir;
  private TestingMaster master;
  private Caller alice;
  private final RecordingCloudDriver driver = new RecordingCloudDriver();
  private int services;
  private long nodes;

  @BeforeEach
  void startMaster() {
    master = TestingMaster.start(dataDir);
    alice = master.developer(master.admin(), "alice");
    master.run(() -> master.applicationOperations.create(alice, "shop", null));
  }

  @AfterEach
  void stopMaster() {
    master.close();
  }

  @Override
  protected CloudDriver driver() {
    return driver;
  }

  @Override
  protected Service aService() {
    String name = "svc-" + ++services;
    return master.inTransaction(
        () -> master.serviceOperations.create(alice, "shop", name, "generic", null, null));
  }

  @Override
  protected long aNode() {
    return 100 + ++nodes;
  }

  @Override
  protected String providerState(InstanceStatus status) {
    return SPELLING.get(status);
  }

  @Override
  protected void observe(String instanceName, String providerState) {
    driver.report(instanceName, providerState);
  }

  @Override
  protected void infrastructureConfirmsRelease(String instanceName) {
    // released at once
  }

  @Override
  protected Map<String, Long> instancesInInfrastructure() {
    return driver.instances();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

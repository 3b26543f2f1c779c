package org.mecconpaas.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.InstanceStatus;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;
import org.mecconpaas.manager.domain.model.service.Instance;

/**
 * A cloud with nothing behind it: remembers what it was asked to do, and keeps the instances it was
 * asked for in memory, with the states a test makes its "provider" report ({@link #report}). It
 * meets the cloud driver contract; it writes no instance rows.
 */
public final class RecordingCloudDriver implements CloudDriver {
  /** The provider's states, spelled as an OpenStack-like cloud would. */
  public static final Map<String, InstanceStatus> PROVIDER_STATES =
      Map.of(
          "BUILD", InstanceStatus.STARTING,
          "ACTIVE", InstanceStatus.RUNNING,
          "ERROR", InstanceStatus.FAILED,
          "DELETED", InstanceStatus.RELEASED);

  /** An instance as the provider holds it; {@code state} null until the provider reports one. */
  private record Held(long nodeId, String state) {}

  public final List<ProvisionRequest> provisioned = new ArrayList<>();
  public final List<String> released = new ArrayList<>();
  private final Map<String, Held> held = new LinkedHashMap<>();

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public void provision(ProvisionRequest request) {
    provisioned.add(request);
    String name = Instance.nameOf(request.service().id(), request.role(), request.slot());
    Held existing = held.get(name);
    if (existing == null || existing.nodeId() != request.nodeId()) {
      held.put(name, new Held(request.nodeId(), null)); // created, or moved: not reported yet
    }
  }

  @Override
  public InstanceStatus describe(String instanceName) {
    Held instance = held.get(instanceName);
    if (instance == null) {
      return InstanceStatus.RELEASED;
    }
    if (instance.state() == null) {
      return InstanceStatus.PENDING;
    }
    return PROVIDER_STATES.getOrDefault(instance.state(), InstanceStatus.UNRECOGNIZED);
  }

  @Override
  public void release(String instanceName) {
    released.add(instanceName);
    held.remove(instanceName);
  }

  /** The provider reports an instance's state; ignored for instances it does not hold. */
  public void report(String instanceName, String providerState) {
    held.computeIfPresent(instanceName, (name, h) -> new Held(h.nodeId(), providerState));
  }

  /** Every instance the provider holds and its node. */
  public Map<String, Long> instances() {
    Map<String, Long> placed = new LinkedHashMap<>();
    held.forEach((name, h) -> placed.put(name, h.nodeId()));
    return placed;
  }
}

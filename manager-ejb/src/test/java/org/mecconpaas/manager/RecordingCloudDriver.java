package org.mecconpaas.manager;

import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.manager.domain.model.driver.CloudDriver;
import org.mecconpaas.manager.domain.model.driver.InstanceStatus;
import org.mecconpaas.manager.domain.model.driver.ProvisionRequest;

/** A cloud with nothing behind it: remembers what it was asked to do. */
public final class RecordingCloudDriver implements CloudDriver {
  public final List<ProvisionRequest> provisioned = new ArrayList<>();
  public final List<String> released = new ArrayList<>();

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public void provision(ProvisionRequest request) {
    provisioned.add(request);
  }

  @Override
  public InstanceStatus describe(String instanceName) {
    return InstanceStatus.RELEASED;
  }

  @Override
  public void release(String instanceName) {
    released.add(instanceName);
  }
}

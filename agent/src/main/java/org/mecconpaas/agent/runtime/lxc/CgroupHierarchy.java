package org.mecconpaas.agent.runtime.lxc;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One mounted cgroup hierarchy and where a process sits in it.
 *
 * @param controllers the v1 controllers or {@code name=} of the hierarchy, comma-separated; empty
 *     for the cgroup v2 (unified) hierarchy
 * @param mountPoint where the hierarchy is mounted
 * @param path the process's cgroup in it, e.g. {@code /} or {@code /mec-n1}
 */
public record CgroupHierarchy(String controllers, Path mountPoint, String path) {

  public boolean isV2() {
    return controllers.isEmpty();
  }

  public boolean has(String controller) {
    return controllerList().contains(controller);
  }

  public List<String> controllerList() {
    return controllers.isEmpty() ? List.of() : Arrays.asList(controllers.split(","));
  }

  /** The directory of the process's own cgroup. */
  public Path dir() {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.isEmpty() ? mountPoint : mountPoint.resolve(relative);
  }
}

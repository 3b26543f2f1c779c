package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * LXC leaves {@code lxc.pivot} (and, after a kill, {@code lxc.payload.NAME} and {@code
 * lxc.monitor.NAME}, with the cgroups systemd made inside) in every hierarchy, at the root or below
 * the cgroup of whoever started the container.
 */
final class CgroupLeftovers {

  private CgroupLeftovers() {}

  /** Removes what LXC left of container {@code name}; {@code lxc.pivot} only when unused. */
  static void remove(String name) {
    List<CgroupHierarchy> hierarchies;
    try {
      hierarchies = Cgroups.ofSelf();
    } catch (IOException e) {
      return;
    }
    Pattern leftovers =
        Pattern.compile("lxc\\.(payload|monitor)\\." + Pattern.quote(name) + "(-\\d+)?");
    for (CgroupHierarchy h : hierarchies) {
      for (Path parent : Stream.of(h.mountPoint(), h.dir()).distinct().toList()) {
        try (Stream<Path> children = Files.list(parent)) {
          children
              .filter(c -> leftovers.matcher(c.getFileName().toString()).matches())
              .forEach(Cgroups::removeTree);
        } catch (IOException e) {
          continue;
        }
        try {
          Files.deleteIfExists(parent.resolve("lxc.pivot"));
        } catch (IOException e) {
          // busy: another container of this machine is being stopped right now
        }
      }
    }
  }
}

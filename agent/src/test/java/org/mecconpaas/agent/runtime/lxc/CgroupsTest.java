package org.mecconpaas.agent.runtime.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsTest {

  private static final String HYBRID_MOUNTS =
      """
      31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
      32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
      33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
      35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
      41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
      """;

  @Test
  void findsV1AndV2HierarchiesOfAProcess() {
    List<CgroupHierarchy> all =
        Cgroups.parse(
            HYBRID_MOUNTS,
            "9:name=systemd:/\n4:memory:/mec-n1/lxc.payload.c\n2:cpuacct:/\n1:cpu:/mec-n1\n0::/\n");
    assertEquals(5, all.size());
    CgroupHierarchy memory = Cgroups.v1(all, "memory").orElseThrow();
    assertEquals(Path.of("/sys/fs/cgroup/memory/mec-n1/lxc.payload.c"), memory.dir());
    assertEquals(Path.of("/sys/fs/cgroup/cpu"), Cgroups.v1(all, "cpu").orElseThrow().mountPoint());
    assertTrue(
        all.stream().anyMatch(h -> h.isV2() && h.dir().equals(Path.of("/sys/fs/cgroup/unified"))));
    assertTrue(all.stream().anyMatch(h -> h.has("name=systemd")));
  }

  @Test
  void unifiedOnlyHostHasNoV1Cpu() {
    List<CgroupHierarchy> all =
        Cgroups.parse(
            "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n",
            "0::/system.slice/mec-agent.service\n");
    assertEquals(1, all.size());
    assertTrue(all.get(0).isV2());
    assertFalse(Cgroups.v1(all, "cpu").isPresent());
    assertEquals(Path.of("/sys/fs/cgroup/system.slice/mec-agent.service"), all.get(0).dir());
  }

  @Test
  void aMountOfASubtreeIsStrippedFromThePath() {
    List<CgroupHierarchy> all =
        Cgroups.parse(
            "50 40 0:32 /lxc.payload.c /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n",
            "4:memory:/lxc.payload.c/init.scope\n");
    assertEquals(Path.of("/sys/fs/cgroup/memory/init.scope"), all.get(0).dir());
  }

  @Test
  void removeTreeGoesDeepestFirst(@TempDir Path dir) throws IOException {
    Path top = dir.resolve("mec-n1");
    Files.createDirectories(top.resolve("lxc.payload.c/init.scope"));
    Files.createDirectories(top.resolve("lxc.pivot"));
    assertTrue(Cgroups.removeTree(top));
    assertFalse(Files.exists(top));
    assertTrue(Cgroups.removeTree(top), "a missing cgroup is no error");
  }
}

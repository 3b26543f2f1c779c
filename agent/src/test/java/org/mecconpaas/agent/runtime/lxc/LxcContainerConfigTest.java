package org.mecconpaas.agent.runtime.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LxcContainerConfigTest {

  private static final String CLONE =
      """
      lxc.net.0.type = veth
      lxc.net.0.hwaddr = 00:16:3e:97:2d:1e
      lxc.net.0.link = lxcbr0
      lxc.net.0.flags = up
      lxc.apparmor.profile = generated
      lxc.apparmor.allow_nesting = 1
      lxc.include = /usr/share/lxc/config/debian.common.conf
      lxc.tty.max = 4
      lxc.rootfs.path = overlay:/var/lib/lxc/mec-base/rootfs:/st/lxc/s1-web-0/overlay/delta
      lxc.uts.name = s1-web-0
      """;

  private static LxcContainerConfig config(int cpu, int mem, boolean v2) {
    return new LxcContainerConfig(
        "s1-web-0",
        "mecbr0",
        "10.77.0.123",
        24,
        cpu,
        mem,
        v2,
        true,
        Path.of("/st/lxc/s1-web-0/bundle"),
        List.of(Path.of("/usr/lib/jvm/java-17-openjdk-amd64"), Path.of("/etc/java-17-openjdk")),
        Path.of("/st/lxc/s1-web-0/lxc.log"));
  }

  @Test
  void cgroupV1LimitsFromTheSpec() {
    List<String> lines = config(500, 128, false).lines();
    assertTrue(lines.contains("lxc.cgroup.cpu.cfs_period_us = 100000"), lines.toString());
    assertTrue(lines.contains("lxc.cgroup.cpu.cfs_quota_us = 50000"));
    assertTrue(lines.contains("lxc.cgroup.memory.limit_in_bytes = 134217728"));
    assertTrue(lines.contains("lxc.cgroup.relative = 1"));
  }

  @Test
  void cgroupV2KeysOnAUnifiedHost() {
    List<String> lines = config(1500, 1024, true).lines();
    assertTrue(lines.contains("lxc.cgroup2.cpu.max = 150000 100000"), lines.toString());
    assertTrue(lines.contains("lxc.cgroup2.memory.max = 1073741824"));
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("lxc.cgroup.cpu")));
  }

  @Test
  void noLimitLinesForZero() {
    List<String> lines = config(0, 0, false).lines();
    assertTrue(lines.stream().noneMatch(l -> l.contains("cfs_quota") || l.contains("memory")));
  }

  @Test
  void networkMountsAndNoGateway() {
    List<String> lines = config(0, 0, false).lines();
    assertTrue(lines.contains("lxc.net.0.link = mecbr0"));
    assertTrue(lines.contains("lxc.net.0.ipv4.address = 10.77.0.123/24"));
    assertTrue(lines.stream().noneMatch(l -> l.contains("gateway")));
    assertTrue(
        lines.contains(
            "lxc.mount.entry = /st/lxc/s1-web-0/bundle srv/mec/bundle none bind,create=dir 0 0"));
    assertTrue(
        lines.contains(
            "lxc.mount.entry = /usr/lib/jvm/java-17-openjdk-amd64 usr/lib/jvm/java-17-openjdk-amd64"
                + " none bind,ro,create=dir 0 0"));
  }

  @Test
  void rewriteReplacesOwnedKeysAndKeepsTheRest() {
    String once = config(500, 128, false).rewrite(CLONE);
    assertFalse(once.contains("lxcbr0"));
    assertFalse(once.contains("00:16:3e:97:2d:1e"));
    assertFalse(once.contains("allow_nesting"));
    assertFalse(once.contains("= generated"));
    assertTrue(once.contains("lxc.rootfs.path = overlay:/var/lib/lxc/mec-base/rootfs:"));
    assertTrue(once.contains("lxc.include = /usr/share/lxc/config/debian.common.conf"));
    assertTrue(once.contains("lxc.uts.name = s1-web-0"));
    assertTrue(once.contains("lxc.apparmor.profile = unconfined"));
    assertEquals(once, config(500, 128, false).rewrite(once), "rewriting twice changes nothing");
    assertEquals("10.77.0.123", LxcContainerConfig.addressIn(once));
    assertNull(LxcContainerConfig.addressIn(CLONE));
  }

  @Test
  void macAndVethAreStableAndValid() {
    String mac = LxcContainerConfig.macAddress("s1-web-0");
    assertEquals(mac, LxcContainerConfig.macAddress("s1-web-0"));
    assertTrue(mac.matches("00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}"), mac);
    String veth = LxcContainerConfig.vethName("a-very-long-instance-name-s123-node-42");
    assertTrue(veth.length() <= 15 && veth.matches("mec-c[0-9a-f]{8}"), veth);
  }
}

package org.mecconpaas.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.AgentConfig.InvalidOption;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;

class AgentConfigTest {
  @TempDir Path temp;

  private static AgentConfig parse(String... args) throws InvalidOption {
    return AgentConfig.parse(args, Map.of());
  }

  @Test
  void defaults() throws InvalidOption {
    AgentConfig config = parse("--master", "http://10.77.0.1:8080");
    assertEquals(URI.create("http://10.77.0.1:8080"), config.master());
    assertEquals(Path.of("./agent-state"), config.stateDir());
    assertEquals("127.0.0.1", config.address());
    assertEquals("process", config.runtime());
    assertNull(config.intervalMillis());
    assertNull(config.joinToken());
    assertEquals("none", config.accessPoint());
    assertEquals("hostapd_cli", config.hostapdCli());
  }

  @Test
  void everyOptionInBothSpellings() throws InvalidOption {
    AgentConfig config =
        parse(
            "--master=http://m:8080",
            "--state-dir",
            "/var/lib/mec",
            "--join-token=join_x",
            "--name",
            "pi-01",
            "--latitude",
            "52.16",
            "--longitude=4.49",
            "--cpu-millis",
            "4000",
            "--memory-mib",
            "1024",
            "--address",
            "10.77.0.11",
            "--runtime",
            "lxc",
            "--interval-ms",
            "500",
            "--access-point",
            "hostapd",
            "--hostapd-cli=/usr/sbin/hostapd_cli -i wlan0",
            "--verbose");
    assertEquals("join_x", config.joinToken());
    assertEquals("pi-01", config.name());
    assertEquals(52.16, config.latitude());
    assertEquals(4.49, config.longitude());
    assertEquals(4000, config.cpuMillis());
    assertEquals(1024L, config.memoryMiB());
    assertEquals("10.77.0.11", config.address());
    assertEquals("lxc", config.runtime());
    assertEquals(500L, config.intervalMillis());
    assertEquals("hostapd", config.accessPoint());
    assertEquals("/usr/sbin/hostapd_cli -i wlan0", config.hostapdCli());
    assertTrue(config.verbose());
  }

  @Test
  void joinTokenFromTheEnvironment() throws InvalidOption {
    AgentConfig config =
        AgentConfig.parse(
            new String[] {"--master", "http://m"}, Map.of("MEC_JOIN_TOKEN", "join_e"));
    assertEquals("join_e", config.joinToken());
    assertTrue(!config.toString().contains("join_e"), "no secrets in toString");
  }

  @Test
  void badOptionsSayWhatIsWrong() {
    assertEquals("unknown option '--colour'", message("--colour", "red"));
    assertEquals("option --name needs a value", message("--name"));
    assertTrue(message("--latitude", "91").contains("between -90 and 90"));
    assertTrue(message("--longitude", "east").contains("must be a number"));
    assertTrue(message("--runtime", "docker").contains("'process' or 'lxc'"));
    assertTrue(message("--access-point", "wifi").contains("'none', 'emulated' or 'hostapd'"));
    assertTrue(message("--name", "Pi_01").contains("DNS label"));
    assertTrue(message("--address", "pi.local").contains("IP address"));
    assertTrue(
        assertThrows(InvalidOption.class, () -> parse("--master", "ftp://x"))
            .getMessage()
            .contains("http(s) URL"));
    assertTrue(message("--cpu-millis", "-5").contains("positive"));
    assertTrue(message("--interval-ms", "5").contains("between 100"));
    assertTrue(message("--name", "a", "--name", "b").contains("twice"));
  }

  @Test
  void badOptionsExitWithTwo() {
    assertEquals(2, AgentMain.run(new String[] {"--runtime", "docker"}));
  }

  @Test
  void runtimeThatCannotWorkHereIsReported() {
    RuntimeUnavailable missing =
        assertThrows(
            RuntimeUnavailable.class,
            () -> RuntimeLoader.reflective("org.example.NoSuchRuntime", temp));
    assertTrue(missing.getMessage().contains("not part of this agent build"));
    RuntimeUnavailable unavailable =
        assertThrows(
            RuntimeUnavailable.class,
            () -> {
              ContainerRuntime runtime =
                  RuntimeLoader.reflective(UnavailableRuntime.class.getName(), temp);
              runtime.checkAvailable();
            });
    assertEquals("needs a flux capacitor", unavailable.getMessage());
  }

  private static String message(String... args) {
    String[] withMaster = new String[args.length + 2];
    withMaster[0] = "--master";
    withMaster[1] = "http://m";
    System.arraycopy(args, 0, withMaster, 2, args.length);
    return assertThrows(InvalidOption.class, () -> parse(withMaster)).getMessage();
  }
}

package org.mecconpaas.agent.runtime.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;

class LxcRuntimeTest {

  @TempDir Path state;
  private final TestingCommandRunner runner = new TestingCommandRunner();
  private LxcRuntime lxc;

  @BeforeEach
  void setUp() {
    lxc = new LxcRuntime(state, LxcOptions.defaults(), runner);
    lxc.cgroupCleanup = name -> {}; // never touch this machine's cgroups in a unit test
  }

  @Test
  void execAttachesInTheBundleDirWithoutANewSessionInside() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MY_IP", "10.77.0.123");
    List<String> cmd = lxc.execCommand("s1-web-0", List.of("./run.sh", "a b"), env);
    String lxcPath = state.toAbsolutePath().resolve("lxc").toString();
    assertEquals(
        List.of("setsid", "lxc-attach", "-P", lxcPath, "-n", "s1-web-0", "--clear-env"),
        cmd.subList(0, 7));
    assertEquals(
        List.of("--", "sh", "-c", "cd /srv/mec/bundle && exec \"$@\"", "sh", "./run.sh", "a b"),
        cmd.subList(cmd.size() - 7, cmd.size()));
    assertTrue(cmd.contains("MY_IP=10.77.0.123"));
    assertTrue(cmd.stream().anyMatch(a -> a.startsWith("PATH=")));
    assertEquals(
        1, cmd.stream().filter(a -> a.equals("setsid")).count(), "setsid on the host only");
  }

  @Test
  void callerEnvironmentOverridesTheDefaults() {
    List<String> cmd = lxc.execCommand("c1", List.of("true"), Map.of("PATH", "/opt/bin"));
    assertTrue(cmd.contains("PATH=/opt/bin"));
    assertEquals(1, cmd.stream().filter(a -> a.startsWith("PATH=")).count());
  }

  @Test
  void cloneIsAnOverlaySnapshotIntoTheAgentsLxcPath() {
    assertEquals(
        "lxc-copy -P /var/lib/lxc -n mec-base -p "
            + state.toAbsolutePath().resolve("lxc")
            + " -N s1-web-0 -s -B overlayfs",
        String.join(" ", lxc.cloneCommand("s1-web-0")));
  }

  @Test
  void workDirIsTheBundleDirOnTheHost() {
    assertEquals(state.toAbsolutePath().resolve("lxc/s1-web-0/bundle"), lxc.workDir("s1-web-0"));
    assertThrows(IllegalArgumentException.class, () -> lxc.workDir("../etc"));
    assertThrows(IllegalArgumentException.class, () -> lxc.workDir("a/b"));
  }

  @Test
  void listAndStateComeFromLxcTools() throws IOException {
    assertEquals(Set.of(), lxc.list(), "no lxcpath yet: nothing, and no command run");
    assertTrue(runner.commands.isEmpty());
    Files.createDirectories(lxc.lxcPath().resolve("c1"));
    Files.writeString(lxc.lxcPath().resolve("c1/config"), "");
    runner.answer =
        c ->
            new CommandRunner.Result(
                0,
                c.get(0).equals("lxc-ls")
                    ? "c1\nc2\n"
                    : c.get(0).equals("lxc-info") ? "RUNNING\n" : "");
    assertEquals(Set.of("c1", "c2"), lxc.list());
    assertTrue(lxc.isRunning("c1"));
    assertFalse(lxc.isRunning("c3"), "no config: not running, no command");
    assertEquals(
        "lxc-info -P " + lxc.lxcPath() + " -n c1 -s -H",
        runner.joined().get(runner.joined().size() - 1));
  }

  @Test
  void removeStopsAndDestroysAndIgnoresMissingContainers() throws IOException {
    lxc.remove("gone");
    assertTrue(runner.commands.isEmpty());
    Path dir = lxc.lxcPath().resolve("c1");
    Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(dir.resolve("config"), "");
    lxc.remove("c1");
    assertEquals(
        List.of(
            "lxc-stop -P " + lxc.lxcPath() + " -n c1 -k",
            "lxc-destroy -P " + lxc.lxcPath() + " -n c1"),
        runner.joined());
    assertFalse(Files.exists(dir), "what lxc-destroy left is deleted");
  }

  @Test
  void addressesComeFromTheNameAndSkipOtherContainers() throws IOException {
    String first = lxc.address("s1-web-0");
    assertEquals(
        new AddressPool("10.77.0.100", "10.77.0.254").allocate("s1-web-0", Set.of()), first);
    Path other = lxc.lxcPath().resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("config"), "lxc.net.0.ipv4.address = " + first + "/24\n");
    assertNotEquals(first, lxc.address("s1-web-0"), "taken by another container");
    Path own = lxc.lxcPath().resolve("s1-web-0");
    Files.createDirectories(own);
    Files.writeString(own.resolve("config"), "lxc.net.0.ipv4.address = 10.77.0.200/24\n");
    Files.writeString(own.resolve("mec-configured"), "");
    assertEquals("10.77.0.200", lxc.address("s1-web-0"), "an existing container keeps its own");
  }

  @Test
  void unavailableSaysWhatToDo() {
    runner.answer = c -> new CommandRunner.Result(1, "Device \"mecbr0\" does not exist.");
    RuntimeUnavailable e = assertThrows(RuntimeUnavailable.class, lxc::checkAvailable);
    assertTrue(e.getMessage().contains("use --runtime process otherwise"), e.getMessage());
    assertTrue(
        e.getMessage().contains("apt-get install") || e.getMessage().contains("bridge mecbr0"),
        e.getMessage());
  }

  @Test
  void sharesTheJdkAndWhatItsLinksPointTo() throws IOException {
    List<Path> mounts = lxc.jdkMounts();
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    assertEquals(home, mounts.get(0));
    for (Path dir : mounts.subList(1, mounts.size())) {
      assertFalse(dir.startsWith(home), dir + " is inside the JDK");
      assertTrue(Files.isDirectory(dir), dir.toString());
    }
    LxcOptions noJdk =
        new LxcOptions(
            "mecbr0",
            24,
            "10.77.0.100",
            "10.77.0.254",
            false,
            Path.of("/var/lib/lxc"),
            "mec-base",
            "bookworm",
            false);
    assertEquals(List.of(), new LxcRuntime(state, noJdk, runner).jdkMounts());
  }
}

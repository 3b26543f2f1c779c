package org.mecconpaas.agent.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeEmulatorMainTest {

  @Test
  void parsesTheOptions(@TempDir Path dir) throws IOException {
    EdgeEmulatorMain.Options o =
        EdgeEmulatorMain.parse(
            new String[] {
              "--master",
              "http://localhost:8080",
              "--nodes",
              "6",
              "--tokens-file",
              "t.txt",
              "--runtime",
              "LXC",
              "--center",
              "52.1,4.4",
              "--spacing",
              "100",
              "--ring"
            });
    assertEquals(URI.create("http://localhost:8080"), o.master());
    assertEquals("lxc", o.runtime());
    assertEquals(Path.of("mec-edge"), o.baseDir());
    EdgeLayout layout = o.edgeLayout();
    assertEquals(6, layout.size());
    double lat = layout.nodes().stream().mapToDouble(NodeSite::latitude).average().orElseThrow();
    assertEquals(52.1, lat, 1e-5);
    assertFalse(o.loopback());
  }

  @Test
  void layoutFileAndNodesTakeTheFirstNodes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("campus.csv");
    Files.writeString(file, "a, 52, 4\nb, 52.001, 4\nc, 52.002, 4\n");
    EdgeEmulatorMain.Options o =
        EdgeEmulatorMain.parse(
            new String[] {
              "--master",
              "http://h:1",
              "--tokens-file",
              "t",
              "--layout",
              file.toString(),
              "--nodes",
              "2",
              "--loopback"
            });
    assertEquals(List.of("a", "b"), o.edgeLayout().nodes().stream().map(NodeSite::name).toList());
    assertTrue(o.loopback());
  }

  @Test
  void mistakesAreUsageErrors() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EdgeEmulatorMain.parse(new String[] {"--nodes", "2"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> EdgeEmulatorMain.parse(new String[] {"--master", "http://h:1", "--tokens-file"}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EdgeEmulatorMain.parse(
                new String[] {"--master", "http://h:1", "--tokens-file", "t", "--runtime", "kvm"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> EdgeEmulatorMain.parse(new String[] {"--bogus", "1"}));
  }

  @Test
  void tokensFileSkipsBlanksAndComments(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# made by the master\njoin_a\n\n  join_b  \n");
    assertEquals(List.of("join_a", "join_b"), EdgeEmulatorMain.readTokens(file));
  }
}

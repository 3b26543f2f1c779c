package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void configLivesInDotMecUnlessMecConfigDirSaysOtherwise() {
    Path home = Path.of(System.getProperty("user.home"));

    assertEquals(home.resolve(".mec"), Environment.fromVariables(Map.of()).configDirectory());
    assertEquals(
        home.resolve(".mec"),
        Environment.fromVariables(Map.of("MEC_CONFIG_DIR", " ")).configDirectory());
    assertEquals(
        Path.of("/srv/mec-test"),
        Environment.fromVariables(Map.of("MEC_CONFIG_DIR", "/srv/mec-test")).configDirectory());
  }
}

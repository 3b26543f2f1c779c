package org.mecconpaas.agent.runtime.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxcOptionsTest {

  @Test
  void defaultsWithoutAFile(@TempDir Path state) {
    assertEquals(LxcOptions.defaults(), LxcOptions.load(state));
    assertEquals("mecbr0", LxcOptions.defaults().bridge());
    assertEquals(Path.of("/var/lib/lxc"), LxcOptions.defaults().basePath());
  }

  @Test
  void storedOptionsLoadBack(@TempDir Path state) throws IOException {
    LxcOptions options =
        LxcOptions.defaults().withAddressRange("10.77.0.100", "10.77.0.137").withNestCgroups(true);
    options.store(state);
    assertTrue(Files.exists(state.resolve(LxcOptions.FILE_NAME)));
    assertEquals(options, LxcOptions.load(state));
  }

  @Test
  void partialFileKeepsOtherDefaults(@TempDir Path state) throws IOException {
    Files.writeString(state.resolve(LxcOptions.FILE_NAME), "bridge = br-lan\nnestCgroups=true\n");
    LxcOptions options = LxcOptions.load(state);
    assertEquals("br-lan", options.bridge());
    assertTrue(options.nestCgroups());
    assertEquals("10.77.0.100", options.firstAddress());
  }

  @Test
  void rejectsBadValues() {
    Properties p = new Properties();
    p.setProperty("prefixLength", "33");
    assertThrows(IllegalArgumentException.class, () -> LxcOptions.fromProperties(p));
    p.setProperty("prefixLength", "24");
    p.setProperty("firstAddress", "10.77.0.300");
    assertThrows(IllegalArgumentException.class, () -> LxcOptions.fromProperties(p));
  }
}

package org.mecconpaas.agent.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.bundle.BundleFetcher;
import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.testing.Bundles;
import org.mecconpaas.catalog.CodeFormat;

/** A catalog role's code versions side by side. */
class CodeInstallerTest {
  @TempDir Path dir;
  private final List<String> downloads = new ArrayList<>();
  private final Map<Integer, byte[]> bundles =
      Map.of(
          2, Bundles.zip(Map.of("index.php", "version 2")),
          3, Bundles.zip(Map.of("index.php", "version 3")));

  private final CodeInstaller installer =
      new CodeInstaller(
          new BundleFetcher(
              (path, target) -> {
                downloads.add(path);
                Files.write(target, bundles.get(Integer.parseInt(path)));
              }));

  private CodeRef version(int v) {
    return new CodeRef(v, Bundles.sha256(bundles.get(v)), String.valueOf(v), CodeFormat.ZIP);
  }

  @Test
  void aNewVersionGoesBesideTheServedOneAndBackToTheServedOneTouchesNothing() throws Exception {
    Path root = dir.resolve("code");
    assertInstanceOf(
        InstallOutcome.Installed.class,
        installer.installVersion(version(2), dir.resolve("dl"), root, -1));
    Path served = root.resolve("2").resolve("index.php");
    long inode = (long) Files.getAttribute(served, "unix:ino");

    installer.installVersion(version(3), dir.resolve("dl"), root, 2);
    assertEquals("version 3", Files.readString(root.resolve("3").resolve("index.php")));
    assertEquals("version 2", Files.readString(served));

    // version 3 refused: back to 2 while it is served, without unpacking it again
    InstallOutcome back = installer.installVersion(version(2), dir.resolve("dl"), root, 2);
    assertInstanceOf(InstallOutcome.Installed.class, back);
    assertEquals(List.of("2", "3"), downloads, "version 2 was not fetched a second time");
    assertEquals(inode, (long) Files.getAttribute(served, "unix:ino"), "the same file serves");
  }
}

package org.mecconpaas.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleFilesTest {

  @Test
  void copiesTheRoleDirectoryWithExecutableScripts(@TempDir Path target) throws Exception {
    RoleFiles.of("testing", "echo").orElseThrow().copyTo(target);

    assertTrue(Files.isExecutable(target.resolve("start.sh")));
    assertEquals("listen=1\n", Files.readString(target.resolve("conf/app.conf")));
    assertFalse(Files.isExecutable(target.resolve("conf/app.conf")));
  }

  @Test
  void aRoleWithoutRunnerOrWithPathTricksHasNoFiles() {
    assertTrue(RoleFiles.of("testing", "missing").isEmpty());
    assertTrue(RoleFiles.of("testing/../testing", "echo").isEmpty());
    assertTrue(RoleFiles.of("generic", "master").isEmpty());
  }
}

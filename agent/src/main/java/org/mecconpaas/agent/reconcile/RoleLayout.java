package org.mecconpaas.agent.reconcile;

import java.nio.file.Path;

/**
 * Where a catalog role's instance keeps things in its work directory (docs/role-runners.md): the
 * role's scripts in {@code .role/}, each code version unpacked in {@code code/<version>/} so that a
 * new one is prepared beside the one being served.
 */
final class RoleLayout {
  static final String ROLE_DIR = ".role";
  static final String CODE_DIR = "code";

  private RoleLayout() {}

  static Path roleDir(Path workDir) {
    return workDir.resolve(ROLE_DIR);
  }

  static Path codeRoot(Path workDir) {
    return workDir.resolve(CODE_DIR);
  }

  /** The code directory as scripts see it; empty for version 0 (no code). */
  static String codeDirInside(String workDirInside, int version) {
    return version <= 0 ? "" : workDirInside + "/" + CODE_DIR + "/" + version;
  }
}

package org.mecconpaas.manager.infrastructure.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Path rules for archive entries: everything must stay below the directory it is unpacked in. */
final class EntryPaths {
  private static final Path ROOT = Path.of("/bundle");

  private EntryPaths() {}

  static void requireInside(String name) throws BadArchive {
    if (name == null
        || name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.indexOf('\0') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')
        || !resolvesInside(Path.of("/"), name)) {
      throw new BadArchive("entry '" + name + "' would be unpacked outside the bundle");
    }
  }

  /** A link target is resolved from the directory holding the link. */
  static void requireLinkInside(String linkName, String target) throws BadArchive {
    Path parent = Path.of(linkName).getParent();
    if (target == null
        || target.isEmpty()
        || target.startsWith("/")
        || !resolvesInside(parent == null ? Path.of("") : parent, target)) {
      throw new BadArchive("link '" + linkName + "' points outside the bundle to '" + target + "'");
    }
  }

  private static boolean resolvesInside(Path base, String relative) {
    try {
      Path start = ROOT.resolve(base.toString().replaceFirst("^/", ""));
      return start.resolve(relative).normalize().startsWith(ROOT);
    } catch (InvalidPathException e) {
      return false;
    }
  }
}

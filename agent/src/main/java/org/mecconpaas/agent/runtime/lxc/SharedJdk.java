package org.mecconpaas.agent.runtime.lxc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The agent's own JDK, bind-mounted read-only into containers at the same path, so instances need
 * no Java inside the base container.
 */
final class SharedJdk {

  private SharedJdk() {}

  /** The running JDK's real directory. */
  static Path home() {
    Path home = Path.of(System.getProperty("java.home"));
    try {
      return home.toRealPath();
    } catch (IOException e) {
      return home;
    }
  }

  /**
   * The JDK and the directories outside it that links in its {@code conf} and {@code lib} point to
   * (Debian's JDK keeps its config in /etc/java-17-openjdk and its cacerts in /etc/ssl/certs/java;
   * without them the JVM dies with "Error loading java.security file").
   */
  static List<Path> mounts() {
    Path home = home();
    Set<Path> outside = new TreeSet<>();
    for (String sub : List.of("conf", "lib")) {
      try (Stream<Path> walk = Files.walk(home.resolve(sub))) {
        for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
          try {
            Path target = link.toRealPath();
            if (!target.startsWith(home)) {
              outside.add(Files.isDirectory(target) ? target : target.getParent());
            }
          } catch (IOException e) {
            // a dangling link (e.g. cacerts without ca-certificates-java): nothing to share
          }
        }
      } catch (IOException e) {
        // no such directory in this JDK
      }
    }
    List<Path> mounts = new ArrayList<>(List.of(home));
    for (Path dir : outside) { // sorted: a parent comes before its children
      if (mounts.stream().noneMatch(dir::startsWith)) {
        mounts.add(dir);
      }
    }
    return mounts;
  }
}

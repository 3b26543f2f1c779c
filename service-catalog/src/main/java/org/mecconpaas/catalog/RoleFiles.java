package org.mecconpaas.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scripts and templates that run one role of a catalog service on a node (see
 * docs/role-runners.md), shipped as resources of this jar under {@code roles/<type>/<role>/}. The
 * node agent copies them into each instance of the role.
 */
public final class RoleFiles {
  private static final String ROOT = "/org/mecconpaas/catalog/roles/";

  private final String type;
  private final String role;

  private RoleFiles(String type, String role) {
    this.type = type;
    this.role = role;
  }

  /** The role's files, or nothing when the catalog has no runner for it. */
  public static java.util.Optional<RoleFiles> of(String type, String role) {
    if (!type.matches("[a-z0-9.]+") || !role.matches("[a-z0-9-]+")) {
      return java.util.Optional.empty();
    }
    RoleFiles files = new RoleFiles(type, role);
    return RoleFiles.class.getResource(files.directory() + "start.sh") == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(files);
  }

  private String directory() {
    return ROOT + type + "/" + role + "/";
  }

  /**
   * Copies the role's files into {@code target} (created when missing), scripts executable. Works
   * from the jar and from an exploded class directory (tests).
   */
  public void copyTo(Path target) throws IOException {
    URL start = RoleFiles.class.getResource(directory() + "start.sh");
    try {
      if ("jar".equals(start.getProtocol())) {
        try (FileSystem jar = FileSystems.newFileSystem(start.toURI(), Map.of())) {
          copyTree(jar.getPath(directory()), target);
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          copyTree(FileSystems.getFileSystem(start.toURI()).getPath(directory()), target);
        }
      } else {
        copyTree(Path.of(start.toURI()).getParent(), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException("role files of " + type + "/" + role + " not readable", e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(source)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path file : files) {
      // toString: the two paths may belong to different file systems (jar, default)
      Path destination = target.resolve(source.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      try (InputStream in = Files.newInputStream(file)) {
        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
      }
      if (destination.getFileName().toString().endsWith(".sh")) {
        Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }
}

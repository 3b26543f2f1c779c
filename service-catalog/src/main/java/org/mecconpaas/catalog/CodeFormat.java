package org.mecconpaas.catalog;

import java.util.Locale;
import java.util.Optional;

/** An archive format a code bundle may be uploaded in. */
public enum CodeFormat {
  ZIP("zip", ".zip"),
  TAR_GZ("tar.gz", ".tar.gz", ".tgz"),
  WAR("war", ".war"),
  JAR("jar", ".jar");

  private final String label;
  private final String[] extensions;

  CodeFormat(String label, String... extensions) {
    this.label = label;
    this.extensions = extensions;
  }

  /** The name users see and type, e.g. {@code tar.gz}. */
  public String label() {
    return label;
  }

  /** WAR and JAR files are ZIP archives underneath. */
  public boolean isZipContainer() {
    return this != TAR_GZ;
  }

  /** The format a file name claims by its extension, if any. */
  public static Optional<CodeFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (CodeFormat format : values()) {
      for (String extension : format.extensions) {
        if (lower.endsWith(extension) && lower.length() > extension.length()) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }

  /** The canonical file extension, used when the master stores an archive. */
  public String extension() {
    return extensions[0];
  }
}

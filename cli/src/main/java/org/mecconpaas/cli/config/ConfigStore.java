package org.mecconpaas.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * Loads and saves {@link CliConfig} as {@code config.properties} in one directory. The file is
 * written to a temporary file created 0600 from the start and then renamed over the old one, so the
 * token is never readable by others, not even for a moment, and a crash never leaves half a file.
 */
public final class ConfigStore {

  public static final String FILE_NAME = "config.properties";

  private static final String URL = "url";
  private static final String USERNAME = "username";
  private static final String TOKEN = "token";
  private static final String TOKEN_ID = "token.id";

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path directory;

  public ConfigStore(Path directory) {
    this.directory = directory;
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  /** The saved login, or {@link CliConfig#EMPTY} when there is no file yet. */
  public CliConfig load() {
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return CliConfig.EMPTY;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new CliConfig(
        blankToNull(properties.getProperty(URL)),
        blankToNull(properties.getProperty(USERNAME)),
        blankToNull(properties.getProperty(TOKEN)),
        blankToNull(properties.getProperty(TOKEN_ID)));
  }

  public void save(CliConfig config) {
    Properties properties = new Properties();
    putIfPresent(properties, URL, config.url());
    putIfPresent(properties, USERNAME, config.username());
    putIfPresent(properties, TOKEN, config.token());
    putIfPresent(properties, TOKEN_ID, config.tokenId());
    Path temporary = null;
    try {
      createDirectory();
      temporary = Files.createTempFile(directory, ".config-", ".tmp", ownerOnly(OWNER_ONLY_FILE));
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(writer, "mec CLI login: holds a bearer token, keep it private");
      }
      moveIntoPlace(temporary, file());
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file() + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The write already failed; that is the error worth reporting.
        }
      }
    }
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, ownerOnly(OWNER_ONLY_DIRECTORY));
    }
  }

  private static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** POSIX permissions where the file system has them (not on Windows), none elsewhere. */
  private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
    return new FileAttribute<?>[0];
  }

  private static void putIfPresent(Properties properties, String key, String value) {
    if (value != null) {
      properties.setProperty(key, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package org.mecconpaas.agent.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mecconpaas.agent.bundle.BundleFetcher;
import org.mecconpaas.agent.bundle.BundleRejected;
import org.mecconpaas.agent.bundle.BundleUnpacker;
import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.state.FileTrees;

/**
 * Puts a new code version into an instance's work directory: download and verify first, unpack next
 * to the work directory (same file system, so the final moves are renames), and only then stop the
 * old version's scripts and swap the contents. A bad archive never touches the running version.
 */
final class CodeInstaller {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private final BundleFetcher fetcher;

  CodeInstaller(BundleFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * @param download where the archive is stored while it is checked
   * @param workDir the instance's work directory (as the agent sees it)
   * @param oldScripts process groups of the scripts of the previous version still running
   */
  InstallOutcome install(CodeRef code, Path download, Path workDir, Collection<Long> oldScripts) {
    Path staging = workDir.resolveSibling(workDir.getFileName() + ".staging");
    return unpackThen(
        code,
        download,
        staging,
        () -> {
          ProcessGroups.terminate(oldScripts, STOP_GRACE);
          replaceContents(workDir, staging);
        });
  }

  /**
   * A catalog role's code version goes into {@code codeRoot/<version>}, beside the versions already
   * there: nothing is stopped, the role switches to it after its init.sh. Only the new version and
   * the one being served stay. The version being served is never unpacked again.
   *
   * @param servedVersion the version the role serves now (or falls back to); kept
   */
  InstallOutcome installVersion(CodeRef code, Path download, Path codeRoot, int servedVersion) {
    Path target = codeRoot.resolve(Integer.toString(code.version()));
    if (code.version() == servedVersion && Files.isDirectory(target)) {
      // back to the version being served (a newer one was refused and rolled back while this
      // instance still installed or initialised it): its files are there and in use, and
      // unpacking them again would pull them from under the server (404s for a moment)
      return new InstallOutcome.Installed(
          code.version(), code.sha256().toLowerCase(java.util.Locale.ROOT));
    }
    Path staging = codeRoot.resolve(code.version() + ".staging");
    return unpackThen(
        code,
        download,
        staging,
        () -> {
          FileTrees.delete(target);
          Files.move(staging, target);
          pruneOldVersions(
              codeRoot, new java.util.HashSet<>(List.of(code.version(), servedVersion)));
        });
  }

  private interface Placement {
    void place() throws IOException;
  }

  /** Download, verify and unpack into {@code staging}; then let {@code placement} put it in use. */
  private InstallOutcome unpackThen(
      CodeRef code, Path download, Path staging, Placement placement) {
    try {
      FileTrees.delete(staging);
      Files.createDirectories(download.getParent());
      Files.createDirectories(staging.getParent());
      fetcher.fetch(code, download);
      BundleUnpacker.unpack(download, code.format(), staging);
      placement.place();
      return new InstallOutcome.Installed(
          code.version(), code.sha256().toLowerCase(java.util.Locale.ROOT));
    } catch (BundleRejected e) {
      return new InstallOutcome.Rejected(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new InstallOutcome.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(download);
        FileTrees.delete(staging);
      } catch (IOException e) {
        // leftovers are deleted before the next installation
      }
    }
  }

  private static void pruneOldVersions(Path codeRoot, Set<Integer> kept) throws IOException {
    for (Path dir : children(codeRoot)) {
      String name = dir.getFileName().toString();
      if (name.matches("[0-9]{1,9}") && !kept.contains(Integer.parseInt(name))) {
        FileTrees.delete(dir);
      }
    }
  }

  /**
   * Empties the work directory (not itself: it may be a mount point) and moves the new files in.
   */
  private static void replaceContents(Path workDir, Path staging) throws IOException {
    Files.createDirectories(workDir);
    for (Path old : children(workDir)) {
      FileTrees.delete(old);
    }
    for (Path entry : children(staging)) {
      Files.move(entry, workDir.resolve(entry.getFileName()));
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }
}

package org.mecconpaas.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The face-detection example (examples/face-detection) as the Flink tests and the benchmark use it:
 * its job jar as the reactor built it, its test data as {@code make-test-data.sh} makes it, and
 * output directories. On an emulated edge every node shares this machine's file system, but the
 * Flink JVMs run as {@code nobody}: inputs must be readable and outputs writable by that user,
 * which this class sees to rather than relying on the umask of whoever built the tree.
 */
public final class FaceDetectionFiles {
  /** Debian's opencv-data cascade, the job's default. */
  public static final Path CASCADE =
      Path.of("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");

  private static final Set<PosixFilePermission> EVERYONE_WRITES =
      PosixFilePermissions.fromString("rwxrwxrwx");
  private static final Set<PosixFilePermission> READ = Set.of(PosixFilePermission.OTHERS_READ);
  private static final Set<PosixFilePermission> READ_AND_LIST =
      Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

  private final Path example;
  private final Path data;

  private FaceDetectionFiles(Path example, Path data) {
    this.example = example;
    this.data = data;
  }

  /**
   * The example next to the launcher ({@code <repo>/examples/face-detection}) with its test data in
   * {@code target/test-data}, made by its script if the example's build did not (idempotent: a
   * stamp makes the second run return at once). Fails when user nobody could not read the data.
   */
  public static FaceDetectionFiles of(Path launcher) throws IOException, InterruptedException {
    Path example = launcher.getParent().resolve("examples").resolve("face-detection");
    Path data = example.resolve("target").resolve("test-data");
    run(List.of(example.resolve("make-test-data.sh").toString(), data.toString()));
    checkOpenToEveryone(data);
    return new FaceDetectionFiles(example, data);
  }

  /**
   * The same files copied to {@code dir} and opened to every user: a test's own snapshot, which a
   * concurrent rebuild of the example's data cannot pull away.
   */
  public FaceDetectionFiles copyTo(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(data)) {
      for (Path source : tree.toList()) {
        Path copy = dir.resolve(data.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    openToEveryone(dir);
    return new FaceDetectionFiles(example, dir);
  }

  /** The job jar {@code target/face-detection-*.jar}; fails when the reactor did not build it. */
  public Path jobJar() throws IOException {
    Path target = example.resolve("target");
    List<Path> jars;
    try (Stream<Path> files = Files.list(target)) {
      jars =
          files
              .filter(f -> f.getFileName().toString().matches("face-detection-.*\\.jar"))
              .filter(f -> !f.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
              .toList();
    }
    if (jars.size() != 1) {
      throw new IllegalStateException(
          "expected one job jar in "
              + target
              + ", found "
              + jars
              + "; build it: mvn -q -B -pl examples/face-detection package -DskipTests");
    }
    return jars.get(0);
  }

  /** A test video, e.g. {@code megamind-24.avi}. */
  public Path video(String name) {
    return data.resolve("videos").resolve(name);
  }

  /** The stills: {@code positive} or {@code negative}. */
  public Path frames(String kind) {
    return data.resolve("frames").resolve(kind);
  }

  /** How many frames ffmpeg decodes from a video (an AVI header also counts dropped frames). */
  public static int framesOf(Path video) throws IOException, InterruptedException {
    return Integer.parseInt(
        run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-count_frames",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=nb_read_frames",
                "-of",
                "csv=p=0",
                video.toString()))
            .strip());
  }

  /** A directory that every user may write, e.g. for a job's output; created if missing. */
  public static Path openDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, EVERYONE_WRITES);
    checkOpenToEveryone(dir);
    return dir;
  }

  /** Lets every user read {@code dir} and what is below it. */
  private static void openToEveryone(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.toList()) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        permissions.addAll(Files.isDirectory(path) ? READ_AND_LIST : READ);
        Files.setPosixFilePermissions(path, permissions);
      }
    }
    checkOpenToEveryone(dir);
  }

  /** Fails unless every user can reach {@code dir} from {@code /} and read what is below it. */
  private static void checkOpenToEveryone(Path dir) throws IOException {
    List<Path> closed = new ArrayList<>();
    for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
      if (!Files.getPosixFilePermissions(up).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        closed.add(up);
      }
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      tree.filter(
              p -> {
                try {
                  return !Files.getPosixFilePermissions(p)
                      .containsAll(Files.isDirectory(p) ? READ_AND_LIST : READ);
                } catch (IOException e) {
                  return true;
                }
              })
          .forEach(closed::add);
    }
    if (!closed.isEmpty()) {
      throw new IllegalStateException(
          "the Flink JVMs run as user nobody, who cannot read or reach "
              + closed.subList(0, Math.min(5, closed.size()))
              + " (chmod o+rX)");
    }
  }

  /** The rows of the {@code faces.csv} a run wrote into {@code outputDir}, in frame order. */
  public static List<FaceRow> faces(Path outputDir) throws IOException {
    List<String> lines = Files.readAllLines(outputDir.resolve("faces.csv"), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals("frame,faces,millis")) {
      throw new IllegalStateException("not the job's CSV: " + outputDir.resolve("faces.csv"));
    }
    List<FaceRow> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      rows.add(new FaceRow(Integer.parseInt(cells[0]), Integer.parseInt(cells[1])));
    }
    return rows;
  }

  /** One row of {@code faces.csv}: a frame and the faces found in it. */
  public record FaceRow(int frame, int faces) {}

  /** Runs a command, returns its output; fails with that output unless it exits 0 in 10 min. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    if (process.isAlive() || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}

package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The media made by {@code make-test-data.sh} (the build runs it before the tests). */
final class TestData {

  private TestData() {}

  static Path dir() {
    Path dir = Path.of(System.getProperty("face.testdata", "target/test-data"));
    if (!Files.isRegularFile(dir.resolve(".complete"))) {
      fail("no test data in " + dir + ": run make-test-data.sh " + dir + " (needs ffmpeg)");
    }
    return dir;
  }

  static Path video(String name) {
    return dir().resolve("videos").resolve(name);
  }

  static Path stills(String kind) {
    return dir().resolve("frames").resolve(kind);
  }

  static List<Path> stillFiles(String kind) {
    try (Stream<Path> files = Files.list(stills(kind))) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] cascade() throws IOException {
    if (!Files.isRegularFile(JobOptions.DEFAULT_CASCADE)) {
      fail("no cascade at " + JobOptions.DEFAULT_CASCADE + ": apt-get install opencv-data");
    }
    return Files.readAllBytes(JobOptions.DEFAULT_CASCADE);
  }
}

package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The output directory: {@code faces.csv} and {@code frames/frame-NNNNNN.jpg}. */
record JobOutput(Path directory) {

  Path csv() {
    return directory.resolve("faces.csv");
  }

  Path frames() {
    return directory.resolve("frames");
  }

  /**
   * Creates the directories and removes what an earlier run wrote there (only the job's own files),
   * so that the output always describes one run.
   */
  void prepare() throws IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("output is not a directory: " + directory);
    }
    Files.createDirectories(frames());
    Files.deleteIfExists(csv());
    try (DirectoryStream<Path> old = Files.newDirectoryStream(frames(), "frame-*.jpg")) {
      for (Path file : old) {
        Files.delete(file);
      }
    }
  }
}

package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the frames come from: an MJPEG AVI file or a directory of image files. */
public interface FrameSource {

  /** Receives the frames in order. */
  @FunctionalInterface
  interface FrameConsumer {
    void accept(Frame frame) throws IOException;
  }

  /** Sends every frame to {@code consumer}, in order; returns how many there were. */
  int forEachFrame(FrameConsumer consumer) throws IOException;

  /**
   * The source for {@code input}, checked enough to fail before a job is submitted.
   *
   * @throws IllegalArgumentException when the input is missing, not an MJPEG AVI video or a
   *     directory without images; the message says which and why
   */
  static FrameSource of(Path input) {
    if (Files.isDirectory(input)) {
      return ImageDirectory.open(input);
    }
    if (!Files.isRegularFile(input)) {
      throw new IllegalArgumentException("input not found: " + input);
    }
    return MjpegAvi.open(input);
  }
}

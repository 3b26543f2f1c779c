package org.mecconpaas.examples.facedetection;

import java.nio.file.Path;

/**
 * The job's arguments: {@code INPUT OUTPUT_DIR [CASCADE|-] [PARALLELISM]}.
 *
 * @param input an MJPEG AVI video or a directory of images
 * @param output the directory for {@code faces.csv} and {@code frames/}
 * @param cascade the Haar cascade's XML file
 * @param parallelism how many detectors run at once; 0 for the cluster's default
 */
public record JobOptions(Path input, Path output, Path cascade, int parallelism) {

  /** Where Debian's {@code opencv-data} installs the frontal-face cascade. */
  public static final Path DEFAULT_CASCADE =
      Path.of("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");

  static final String USAGE =
      "usage: face-detection INPUT OUTPUT_DIR [CASCADE|-] [PARALLELISM]\n"
          + "  INPUT        an MJPEG AVI video or a directory of .jpg/.png images\n"
          + "  OUTPUT_DIR   receives faces.csv (frame,faces,millis) and frames/frame-NNNNNN.jpg\n"
          + "  CASCADE      Haar cascade XML, '-' for "
          + DEFAULT_CASCADE
          + "\n"
          + "  PARALLELISM  detectors running at once (default: the cluster's)";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with the usage when the arguments do not fit
   */
  public static JobOptions parse(String... args) {
    if (args.length < 2 || args.length > 4) {
      throw new IllegalArgumentException(USAGE);
    }
    Path cascade =
        args.length > 2 && !args[2].isBlank() && !args[2].equals("-")
            ? Path.of(args[2])
            : DEFAULT_CASCADE;
    int parallelism = args.length > 3 ? parallelism(args[3]) : 0;
    return new JobOptions(Path.of(args[0]), Path.of(args[1]), cascade, parallelism);
  }

  private static int parallelism(String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "parallelism must be a positive whole number, not '" + text + "'\n" + USAGE);
  }
}

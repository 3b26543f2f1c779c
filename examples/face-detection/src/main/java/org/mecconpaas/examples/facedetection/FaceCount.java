package org.mecconpaas.examples.facedetection;

/**
 * How many faces one frame holds: a row of the CSV output.
 *
 * @param index the frame's index
 * @param faces how many faces the cascade found
 * @param millis time to decode, detect, draw and re-encode the frame
 */
public record FaceCount(int index, int faces, long millis) {

  static final String CSV_HEADER = "frame,faces,millis";

  String csvRow() {
    return index + "," + faces + "," + millis;
  }
}

package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class FaceDetectorTest {

  private static FaceDetector detector;

  @BeforeAll
  static void loadCascade() throws IOException {
    detector = FaceDetector.load(TestData.cascade());
  }

  static List<Path> positiveStills() {
    return TestData.stillFiles("positive");
  }

  static List<Path> negativeStills() {
    return TestData.stillFiles("negative");
  }

  @ParameterizedTest
  @MethodSource("positiveStills")
  void findsFacesWhereThereAreSome(Path still) throws IOException {
    int faces = detector.detect(Files.readAllBytes(still)).faces();
    assertTrue(faces >= 1, still.getFileName() + ": " + faces + " faces");
  }

  @ParameterizedTest
  @MethodSource("negativeStills")
  void findsNoFaceWhereThereIsNone(Path still) throws IOException {
    assertEquals(0, detector.detect(Files.readAllBytes(still)).faces(), still.getFileName() + "");
  }

  @Test
  void twoPlayersInTheFootballPhoto() throws IOException {
    // the result the notes and OpenCV's tutorial report for this image with these parameters
    byte[] photo = Files.readAllBytes(TestData.stills("positive").resolve("messi5.jpg"));
    assertEquals(2, detector.detect(photo).faces());
  }

  @Test
  void annotatedFrameIsAJpegOfTheSameSizeWithGreenRectangles() throws IOException {
    byte[] photo = Files.readAllBytes(TestData.stills("positive").resolve("messi5.jpg"));
    byte[] annotated = detector.detect(photo).annotatedJpeg();
    assertEquals(0xFFD8, ((annotated[0] & 0xFF) << 8) | (annotated[1] & 0xFF), "JPEG start");
    Mat original = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
    Mat marked = Imgcodecs.imdecode(new MatOfByte(annotated), Imgcodecs.IMREAD_COLOR);
    assertEquals(original.size(), marked.size());
    // two rectangles of at least 30x30 pixels, 2 pixels wide: several hundred green pixels more
    assertTrue(greenPixels(marked) > greenPixels(original) + 400);
  }

  private static int greenPixels(Mat bgr) {
    Mat mask = new Mat();
    Core.inRange(bgr, new Scalar(0, 190, 0), new Scalar(90, 255, 90), mask);
    return Core.countNonZero(mask);
  }

  @Test
  void refusesBytesThatAreNoImage() {
    byte[] text = "not an image".getBytes(StandardCharsets.US_ASCII);
    var e = assertThrows(IllegalArgumentException.class, () -> detector.detect(text));
    assertTrue(e.getMessage().contains("not a decodable image"), e.getMessage());
  }

  @Test
  void refusesACascadeThatIsNone() {
    byte[] xml = "<?xml version=\"1.0\"?><opencv_storage></opencv_storage>".getBytes();
    var e = assertThrows(IllegalArgumentException.class, () -> FaceDetector.load(xml));
    assertTrue(e.getMessage().contains("not an OpenCV cascade"), e.getMessage());
  }
}

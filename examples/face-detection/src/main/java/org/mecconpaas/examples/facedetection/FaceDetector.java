package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nu.pattern.OpenCV;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Counts and marks faces in encoded images with an OpenCV Haar cascade. Not thread-safe: each task
 * has its own.
 */
final class FaceDetector {

  // the parameters of OpenCV's face-detection tutorial, which the evaluation used
  private static final double SCALE_FACTOR = 1.1;
  private static final int MIN_NEIGHBORS = 5;
  private static final Size MIN_FACE = new Size(30, 30);
  private static final Scalar GREEN = new Scalar(0, 255, 0);

  /** The outcome for one image. */
  record Detection(int faces, byte[] annotatedJpeg) {}

  private final CascadeClassifier classifier;

  private FaceDetector(CascadeClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Loads OpenCV's natives (once per class loader) and the cascade given as the content of its XML
   * file, so that only the process that reads the arguments needs the file.
   *
   * @throws IllegalArgumentException when the content is not a cascade OpenCV can load
   */
  static FaceDetector load(byte[] cascadeXml) throws IOException {
    OpenCV.loadLocally();
    Path file = Files.createTempFile("face-cascade", ".xml");
    try {
      Files.write(file, cascadeXml);
      CascadeClassifier classifier = new CascadeClassifier(file.toString());
      if (classifier.empty()) {
        throw new IllegalArgumentException("not an OpenCV cascade classifier");
      }
      return new FaceDetector(classifier);
    } catch (CvException e) {
      throw new IllegalArgumentException("not an OpenCV cascade classifier: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Finds the faces in an encoded image and draws a rectangle around each.
   *
   * @throws IllegalArgumentException when the bytes are not an image OpenCV can decode
   */
  Detection detect(byte[] encodedImage) {
    MatOfByte encoded = new MatOfByte(encodedImage);
    Mat image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
    Mat gray = new Mat();
    MatOfRect faces = new MatOfRect();
    MatOfByte annotated = new MatOfByte();
    try {
      if (image.empty()) {
        throw new IllegalArgumentException(
            "not a decodable image (" + encodedImage.length + " bytes)");
      }
      Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
      Imgproc.equalizeHist(gray, gray);
      classifier.detectMultiScale(gray, faces, SCALE_FACTOR, MIN_NEIGHBORS, 0, MIN_FACE);
      Rect[] found = faces.toArray();
      for (Rect face : found) {
        Imgproc.rectangle(image, face.tl(), face.br(), GREEN, 2);
      }
      Imgcodecs.imencode(".jpg", image, annotated);
      return new Detection(found.length, annotated.toArray());
    } finally {
      // native memory: do not wait for the garbage collector
      encoded.release();
      image.release();
      gray.release();
      faces.release();
      annotated.release();
    }
  }
}

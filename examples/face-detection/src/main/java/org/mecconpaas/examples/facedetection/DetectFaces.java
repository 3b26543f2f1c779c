package org.mecconpaas.examples.facedetection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The parallel step: decodes a frame, counts and marks its faces, and times that.
 *
 * <p>The cascade travels inside this function, so a TaskManager needs no cascade file of its own;
 * it is kept gzipped because Flink sends the function with every task it deploys: Debian's
 * frontal-face cascade is 930 KB of XML, 136 KB gzipped, 75 ms against 11 ms per detector over a
 * board's 100 Mbit/s link (measured as the detectors' DEPLOYING to INITIALIZING time on emulated
 * boards: 90-110 ms with the plain XML against 17-50 ms on loopback).
 */
final class DetectFaces extends RichMapFunction<Frame, DetectedFrame> {

  private static final long serialVersionUID = 1L;

  private final byte[] gzippedCascade;
  private transient FaceDetector detector;

  DetectFaces(byte[] cascadeXml) {
    this.gzippedCascade = gzip(cascadeXml);
  }

  @Override
  public void open(OpenContext context) throws Exception {
    detector = FaceDetector.load(gunzip(gzippedCascade));
  }

  @Override
  public DetectedFrame map(Frame frame) {
    long start = System.nanoTime();
    FaceDetector.Detection detection;
    try {
      detection = detector.detect(frame.image());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("frame " + frame.index() + ": " + e.getMessage(), e);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new DetectedFrame(
        new FaceCount(frame.index(), detection.faces(), millis), detection.annotatedJpeg());
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return zip.readAllBytes();
    }
  }
}

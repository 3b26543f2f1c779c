package org.mecconpaas.examples.facedetection;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** The parallel step: decodes a frame, counts and marks its faces, and times that. */
final class DetectFaces extends RichMapFunction<Frame, DetectedFrame> {

  private static final long serialVersionUID = 1L;

  private final byte[] cascadeXml;
  private transient FaceDetector detector;

  DetectFaces(byte[] cascadeXml) {
    this.cascadeXml = cascadeXml.clone();
  }

  @Override
  public void open(OpenContext context) throws Exception {
    detector = FaceDetector.load(cascadeXml);
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
}

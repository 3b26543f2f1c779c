package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes each annotated frame to its own file, {@code frame-000042.jpg}; any parallelism. */
final class AnnotatedFrameFiles implements Sink<DetectedFrame> {

  private static final long serialVersionUID = 1L;

  private final String directory;

  AnnotatedFrameFiles(Path directory) {
    this.directory = directory.toString();
  }

  static String fileName(int index) {
    return String.format("frame-%06d.jpg", index);
  }

  @Override
  public SinkWriter<DetectedFrame> createWriter(WriterInitContext context) {
    Path target = Path.of(directory);
    return new SinkWriter<>() {
      @Override
      public void write(DetectedFrame frame, Context context) throws IOException {
        Files.write(target.resolve(fileName(frame.count().index())), frame.annotated());
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}

package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the face counts as one CSV file ordered by frame, at the end of the (bounded) input. Run
 * it with parallelism 1: frames arrive from the detectors in any order, and only a complete run
 * leaves a file.
 */
final class FaceCountCsv implements Sink<FaceCount> {

  private static final long serialVersionUID = 1L;

  private final String file;

  FaceCountCsv(Path file) {
    this.file = file.toString();
  }

  @Override
  public SinkWriter<FaceCount> createWriter(WriterInitContext context) {
    Path target = Path.of(file);
    List<FaceCount> counts = new ArrayList<>();
    return new SinkWriter<>() {
      @Override
      public void write(FaceCount count, Context context) {
        counts.add(count);
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
          writeSorted(target, counts);
        }
      }

      @Override
      public void close() {}
    };
  }

  static void writeSorted(Path target, List<FaceCount> counts) throws IOException {
    List<String> lines = new ArrayList<>(counts.size() + 1);
    lines.add(FaceCount.CSV_HEADER);
    counts.stream()
        .sorted(Comparator.comparingInt(FaceCount::index))
        .map(FaceCount::csvRow)
        .forEach(lines::add);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.write(partial, lines);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }
}

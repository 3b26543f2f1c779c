package org.mecconpaas.examples.facedetection;

import java.nio.file.Path;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns an input path into its frames, still encoded. Runs in one task, on a task manager: the
 * input must be readable there (same host or shared storage).
 */
final class ReadFrames implements FlatMapFunction<String, Frame> {

  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(String input, Collector<Frame> out) throws Exception {
    FrameSource.of(Path.of(input)).forEachFrame(out::collect);
  }
}

package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The face-detection job: reads the frames of a video or an image directory, counts the faces in
 * each with a Haar cascade on parallel tasks, and writes {@code faces.csv} and annotated frames.
 * Bad arguments fail in {@code main}, before anything is submitted, with a message that says what
 * is wrong (with REST submission it is the error of the run request).
 */
public final class FaceDetectionJob {

  private FaceDetectionJob() {}

  public static void main(String[] args) throws Exception {
    run(StreamExecutionEnvironment.getExecutionEnvironment(), JobOptions.parse(args));
  }

  /** Checks the options, builds the job on {@code env} and executes it. */
  static JobExecutionResult run(StreamExecutionEnvironment env, JobOptions options)
      throws Exception {
    FrameSource.of(options.input()); // fails here on a missing or unreadable input
    byte[] cascade = readCascade(options.cascade());
    FaceDetector.load(cascade); // and here on a broken cascade, instead of in every task
    JobOutput output = new JobOutput(options.output());
    output.prepare();
    if (options.parallelism() > 0) {
      env.setParallelism(options.parallelism());
    }
    define(env, options.input(), cascade, output);
    return env.execute("face detection: " + options.input().getFileName());
  }

  /**
   * Adds the job's operators to {@code env}. The detectors get the environment's parallelism
   * explicitly: in BATCH mode Flink's adaptive batch scheduler would otherwise size them by data
   * volume (16 MiB per task by default), which puts a whole video on one detector although the work
   * is per frame.
   */
  static void define(StreamExecutionEnvironment env, Path input, byte[] cascade, JobOutput output) {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<Frame> frames =
        env.fromData(input.toAbsolutePath().toString())
            .name("input")
            .setParallelism(1)
            .flatMap(new ReadFrames())
            .name("read frames")
            .setParallelism(1)
            .rebalance();
    SingleOutputStreamOperator<DetectedFrame> detected =
        frames.map(new DetectFaces(cascade)).name("detect faces");
    DataStreamSink<DetectedFrame> annotated =
        detected.sinkTo(new AnnotatedFrameFiles(output.frames())).name("annotated frames");
    SingleOutputStreamOperator<FaceCount> counts =
        detected.map(DetectedFrame::count).returns(FaceCount.class).name("face counts");
    counts.sinkTo(new FaceCountCsv(output.csv())).name("faces.csv").setParallelism(1);
    int parallelism = env.getParallelism();
    if (parallelism > 0) { // the cluster's default when neither the arguments nor Flink set one
      detected.setParallelism(parallelism);
      annotated.setParallelism(parallelism);
      counts.setParallelism(parallelism);
    }
  }

  private static byte[] readCascade(Path cascade) throws IOException {
    if (!Files.isRegularFile(cascade)) {
      throw new IllegalArgumentException(
          "cascade not found: " + cascade + " (Debian installs it with the opencv-data package)");
    }
    return Files.readAllBytes(cascade);
  }
}

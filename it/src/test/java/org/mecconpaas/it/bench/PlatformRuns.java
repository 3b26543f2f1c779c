package org.mecconpaas.it.bench;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.it.FaceDetectionFiles;
import org.mecconpaas.it.FaceDetectionFiles.FaceRow;
import org.mecconpaas.it.FlinkService;

/**
 * The face-detection job run through the platform on one video, several times, one run at a time,
 * as {@code bench/flink-bare.sh} runs it on the bare cluster: the same arguments ({@code VIDEO OUT
 * CASCADE PARALLELISM}) and parallelism, and the same figure, Flink's own job duration. Each run is
 * checked: FINISHED, the detectors ran with the parallelism asked for, one CSV row per frame.
 */
final class PlatformRuns {
  /**
   * As often as flink-bare.sh polls, and as often as a job's details change (the JobManager renews
   * them every 0.5 s): each poll through the master cost it and the JobManager up to 15 ms of CPU,
   * which at 10 polls a second took 15 % of a core from the TaskManagers on this 2-core machine.
   */
  static final Duration POLL = Duration.ofMillis(500);

  private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

  /** What the runs on one video gave. */
  record VideoResult(
      String video,
      int frames,
      int framesWithFaces,
      JobTimes flinkMillis,
      JobTimes submitToEndMillis,
      List<String> problems) {}

  private final FlinkService flink;
  private final int codeVersion;
  private final int parallelism;
  private final Path outputs;

  PlatformRuns(FlinkService flink, int codeVersion, int parallelism, Path outputs) {
    this.flink = flink;
    this.codeVersion = codeVersion;
    this.parallelism = parallelism;
    this.outputs = outputs;
  }

  VideoResult run(Path video, int runs) throws Exception {
    String name = video.getFileName().toString().replaceFirst("\\.avi$", "");
    int frames = FaceDetectionFiles.framesOf(video);
    Path out = FaceDetectionFiles.openDirectory(outputs.resolve(name));
    List<Long> durations = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int withFaces = 0;
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      JsonObject job =
          flink
              .submit(
                  codeVersion,
                  List.of(
                      video.toString(),
                      out.toString(),
                      FaceDetectionFiles.CASCADE.toString(),
                      Integer.toString(parallelism)),
                  parallelism)
              .expect(201)
              .object();
      JsonObject detail = flink.awaitJobEnd(job.getString("id"), POLL, RUN_LIMIT);
      walls.add((System.nanoTime() - start) / 1_000_000);
      if (!FlinkService.state(detail).equals("FINISHED")) {
        throw new IllegalStateException("run " + run + " on " + name + ": " + detail);
      }
      durations.add(detail.getJsonObject("job").getJsonNumber("durationMillis").longValue());
      int detectors = FlinkService.parallelismOf(detail, "detect");
      if (detectors != parallelism) {
        problems.add("run " + run + ": " + detectors + " detectors ran, not " + parallelism);
      }
      List<FaceRow> rows = FaceDetectionFiles.faces(out);
      if (rows.size() != frames) {
        problems.add("run " + run + ": " + rows.size() + " CSV rows for " + frames + " frames");
      }
      withFaces = (int) rows.stream().filter(r -> r.faces() > 0).count();
      FlinkBenchmark.progress(
          String.format(
              "%s run %d: Flink %d ms, submit to end %d ms",
              name, run, durations.get(run - 1), walls.get(run - 1)));
    }
    if (!Files.exists(out.resolve("faces.csv"))) {
      problems.add("no faces.csv");
    }
    return new VideoResult(
        name, frames, withFaces, new JobTimes(durations), new JobTimes(walls), problems);
  }
}

package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job in Flink's local mini cluster, as {@code main} runs it. */
class FaceDetectionJobTest {

  @TempDir Path temp;

  @Test
  void writesOneCsvRowAndOneAnnotatedFramePerFrameOfAVideo() throws Exception {
    Path out = temp.resolve("out");
    FaceDetectionJob.main(args(TestData.video("megamind-24.avi"), out, "2"));

    List<String> lines = Files.readAllLines(out.resolve("faces.csv"));
    assertEquals(FaceCount.CSV_HEADER, lines.get(0));
    assertEquals(24, lines.size() - 1, "rows");
    int withFaces = 0;
    for (int frame = 0; frame < 24; frame++) {
      String[] row = lines.get(frame + 1).split(",");
      assertEquals(frame, Integer.parseInt(row[0]), "rows are in frame order");
      assertTrue(Long.parseLong(row[2]) >= 0);
      withFaces += Integer.parseInt(row[1]) > 0 ? 1 : 0;
      Path annotated = out.resolve("frames").resolve(AnnotatedFrameFiles.fileName(frame));
      assertTrue(Files.size(annotated) > 1000, annotated + " was written");
    }
    assertTrue(withFaces >= 20, "a face is in every frame of this clip, found in " + withFaces);
  }

  @Test
  void readsADirectoryOfImagesAndReplacesTheOutputOfAnEarlierRun() throws Exception {
    Path out = temp.resolve("out");
    Files.createDirectories(out.resolve("frames"));
    Files.writeString(out.resolve("frames/frame-000099.jpg"), "from an earlier run");
    Files.writeString(out.resolve("faces.csv"), "from an earlier run");
    Path stills = TestData.stills("positive");

    FaceDetectionJob.main(args(stills, out, "1"));

    List<String> rows = Files.readAllLines(out.resolve("faces.csv"));
    assertEquals(TestData.stillFiles("positive").size() + 1, rows.size());
    rows.stream().skip(1).forEach(row -> assertFalse(row.split(",")[1].equals("0"), row));
    try (Stream<Path> frames = Files.list(out.resolve("frames"))) {
      assertEquals(rows.size() - 1, frames.count());
    }
  }

  @Test
  void aMissingInputFailsBeforeAnythingRuns() {
    Path missing = temp.resolve("nothing-here.avi");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaceDetectionJob.main(args(missing, temp.resolve("out"), "1")));
    assertEquals("input not found: " + missing, e.getMessage());
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void aFileThatIsNoVideoFailsBeforeAnythingRuns() throws IOException {
    Path text = Files.writeString(temp.resolve("clip.avi"), "plain text, not a video");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaceDetectionJob.main(args(text, temp.resolve("out"), "1")));
    assertTrue(e.getMessage().startsWith(text + " is not a video"), e.getMessage());
  }

  @Test
  void aCorruptFrameFailsTheJobNamingTheFrame() throws IOException {
    Path corrupt = temp.resolve("corrupt.avi");
    Files.write(
        corrupt, withFirstFrameWiped(Files.readAllBytes(TestData.video("megamind-24.avi"))));
    Path out = temp.resolve("out");

    Exception e =
        assertThrows(Exception.class, () -> FaceDetectionJob.main(args(corrupt, out, "1")));

    assertTrue(
        causes(e).anyMatch(c -> String.valueOf(c.getMessage()).startsWith("frame 0: not a")),
        "no cause says which frame failed: " + e);
    assertFalse(Files.exists(out.resolve("faces.csv")), "no CSV from a failed run");
  }

  @Test
  void detectorsRunWithTheParallelismAskedForNotOneChosenByDataVolume() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    FaceDetectionJob.define(env, Path.of("in.avi"), new byte[0], new JobOutput(temp));
    Map<String, Transformation<?>> byName = new HashMap<>();
    env.getTransformations().forEach(t -> byName.put(t.getName(), t));
    for (String name : List.of("detect faces", "face counts", "annotated frames")) {
      Transformation<?> operator = byName.get(name);
      assertTrue(operator.isParallelismConfigured(), name);
      assertEquals(3, operator.getParallelism(), name);
    }
    assertEquals(1, byName.get("read frames").getParallelism());
  }

  @Test
  void framesAndResultsTravelAsPojosNotThroughKryo() {
    for (Class<?> type : List.of(Frame.class, DetectedFrame.class, FaceCount.class)) {
      assertInstanceOf(PojoTypeInfo.class, TypeInformation.of(type), type.getSimpleName());
    }
  }

  private static String[] args(Path input, Path out, String parallelism) {
    return new String[] {input.toString(), out.toString(), "-", parallelism};
  }

  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, c -> c != null, Throwable::getCause);
  }

  /** Zeroes the start of the first video chunk, so that it no longer looks like a JPEG. */
  private static byte[] withFirstFrameWiped(byte[] avi) {
    String text = new String(avi, StandardCharsets.ISO_8859_1);
    int chunk = text.indexOf("00dc", text.indexOf("movi"));
    ByteBuffer sizes = ByteBuffer.wrap(avi).order(ByteOrder.LITTLE_ENDIAN);
    while (sizes.getInt(chunk + 4) == 0) {
      chunk = text.indexOf("00dc", chunk + 8);
    }
    for (int i = chunk + 8; i < chunk + 8 + 64; i++) {
      avi[i] = 0;
    }
    return avi;
  }
}

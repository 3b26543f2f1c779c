package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourceTest {

  @TempDir Path temp;

  @Test
  void readsEveryFrameOfAnMjpegAviAsAJpeg() throws IOException {
    List<Frame> frames = framesOf(TestData.video("megamind-24.avi"));
    assertEquals(24, frames.size());
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      assertEquals(i, frame.index());
      assertTrue(isJpeg(frame.image()), "frame " + i + " is not a JPEG");
    }
  }

  @Test
  void countsTheFramesFfmpegWrote() throws IOException {
    assertEquals(270, framesOf(TestData.video("megamind.avi")).size());
    assertEquals(100, framesOf(TestData.video("vtest.avi")).size());
  }

  @Test
  void readsTheImagesOfADirectoryInNameOrder() throws IOException {
    Path stills = TestData.stills("positive");
    List<Frame> frames = framesOf(stills);
    List<Path> files = TestData.stillFiles("positive");
    assertEquals(files.size(), frames.size());
    for (int i = 0; i < files.size(); i++) {
      assertEquals(Files.size(files.get(i)), frames.get(i).image().length);
    }
  }

  @Test
  void missingInputIsNamed() {
    Path missing = temp.resolve("missing.avi");
    assertMessage(missing, "input not found: " + missing);
  }

  @Test
  void aFileThatIsNoVideoIsRefused() throws IOException {
    Path text = Files.writeString(temp.resolve("notes.avi"), "these are not frames\n");
    assertMessage(text, text + " is not a video");
  }

  @Test
  void anAviInAnotherCodecIsRefusedWithTheConversionCommand() {
    Path xvid = TestData.dir().resolve("invalid/xvid.avi");
    String message =
        assertThrows(IllegalArgumentException.class, () -> FrameSource.of(xvid)).getMessage();
    assertTrue(message.contains("in 'XVID', not Motion JPEG"), message);
    assertTrue(message.contains("ffmpeg -i INPUT -an -c:v mjpeg"), message);
  }

  @Test
  void aDirectoryWithoutImagesIsRefused() throws IOException {
    Files.writeString(temp.resolve("readme.txt"), "no images here");
    assertMessage(temp, "no images in " + temp);
  }

  private static List<Frame> framesOf(Path input) throws IOException {
    List<Frame> frames = new ArrayList<>();
    int count = FrameSource.of(input).forEachFrame(frames::add);
    assertEquals(frames.size(), count);
    return frames;
  }

  private static boolean isJpeg(byte[] image) {
    return image.length > 4 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8;
  }

  private static void assertMessage(Path input, String expectedStart) {
    String message =
        assertThrows(IllegalArgumentException.class, () -> FrameSource.of(input)).getMessage();
    assertTrue(message.startsWith(expectedStart), message);
  }
}

package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

  @Test
  void inputAndOutputAloneTakeTheDebianCascadeAndTheClustersParallelism() {
    assertEquals(
        new JobOptions(Path.of("in.avi"), Path.of("out"), JobOptions.DEFAULT_CASCADE, 0),
        JobOptions.parse("in.avi", "out"));
  }

  @Test
  void allFourArguments() {
    assertEquals(
        new JobOptions(Path.of("in"), Path.of("out"), Path.of("c.xml"), 3),
        JobOptions.parse("in", "out", "c.xml", "3"));
  }

  @Test
  void aDashKeepsTheDefaultCascade() {
    assertEquals(JobOptions.DEFAULT_CASCADE, JobOptions.parse("in", "out", "-", "2").cascade());
  }

  @Test
  void tooFewArgumentsShowTheUsage() {
    var e = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("in.avi"));
    assertTrue(e.getMessage().startsWith("usage: face-detection INPUT OUTPUT_DIR"));
  }

  @Test
  void parallelismMustBePositive() {
    for (String bad : new String[] {"0", "-1", "two"}) {
      var e =
          assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("i", "o", "-", bad));
      assertTrue(e.getMessage().startsWith("parallelism must be a positive whole number"), bad);
    }
  }
}

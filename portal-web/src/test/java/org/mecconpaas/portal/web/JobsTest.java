package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.application.FlinkJobs.Job;
import org.mecconpaas.manager.application.FlinkJobs.Vertex;
import org.mecconpaas.portal.interfaces.web.JobArguments;
import org.mecconpaas.portal.interfaces.web.JobRow;

class JobsTest {
  private static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");
  private static final String ID = "0123456789abcdef0123456789abcdef";

  @Test
  void argumentsAreOnePerLineSpacesIncluded() {
    assertEquals(
        List.of("--input", "/data/my video.avi", "--fps", "25"),
        JobArguments.parse("--input\r\n  /data/my video.avi  \n\n--fps\n25\n"));
    assertEquals(List.of("a b c"), JobArguments.parse("a b c"), "one line is one argument");
    assertEquals(List.of(), JobArguments.parse(null));
    assertEquals(List.of(), JobArguments.parse(" \n \n"));
  }

  @Test
  void aRunningJobWithItsTasksAndDuration() {
    Map<String, Integer> tasks = new LinkedHashMap<>();
    tasks.put("running", 2);
    tasks.put("finished", 1);
    JobRow row = JobRow.of(new Job(ID, "frames", "RUNNING", STARTED, null, 185_000, tasks));

    assertEquals("RUNNING", row.state());
    assertEquals("3 min 05 s", row.duration());
    assertEquals("running 2, finished 1", row.tasks());
    assertEquals("01234567", row.shortId());
    assertTrue(row.cancellable());
  }

  @Test
  void aJobThatIsOverOrCancellingCannotBeCancelled() {
    for (String state : List.of("FINISHED", "CANCELED", "FAILED", "CANCELLING")) {
      JobRow row = JobRow.of(new Job(ID, "frames", state, STARTED, STARTED, 1000, Map.of()));
      assertFalse(row.cancellable(), state);
      assertEquals("—", row.tasks());
    }
    assertTrue(JobRow.of(new Job(ID, "f", "RESTARTING", null, null, 0, Map.of())).cancellable());
  }

  @Test
  void verticesWithTheirRecordCounts() {
    assertEquals(
        List.of(new JobRow.VertexRow("Source: frames", 2, "RUNNING", 0, 1200, "42 s")),
        JobRow.vertices(List.of(new Vertex("Source: frames", 2, "RUNNING", 0, 1200, 42_000))));
  }
}

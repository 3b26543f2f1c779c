package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.portal.interfaces.web.ScriptStatus;

class ScriptStatusTest {
  @Test
  void scriptsThatRanInTheOrderTheyRun() {
    List<ScriptStatus.Script> scripts =
        ScriptStatus.of(
            "{\"run\":{\"state\":\"RUNNING\",\"exitCode\":null,\"seq\":1},"
                + "\"init\":{\"state\":\"EXITED\",\"exitCode\":0,\"seq\":2},"
                + "\"notify\":{\"state\":\"EXITED\",\"exitCode\":3,\"seq\":5},"
                + "\"interrupt\":{\"state\":\"NEVER\",\"exitCode\":null,\"seq\":0}}");

    assertEquals(
        List.of("init: exit 0", "notify: exit 3", "run: RUNNING"),
        scripts.stream().map(ScriptStatus.Script::text).toList());
    assertFalse(scripts.get(0).failed());
    assertTrue(scripts.get(1).failed());
  }

  @Test
  void nothingForNoReportOrOneThatCannotBeRead() {
    assertEquals(List.of(), ScriptStatus.of(null));
    assertEquals(List.of(), ScriptStatus.of(""));
    assertEquals(List.of(), ScriptStatus.of("not json"));
    assertEquals(List.of(), ScriptStatus.of("[1,2]"));
    assertEquals(List.of(), ScriptStatus.of("{\"init\":42}"));
  }
}

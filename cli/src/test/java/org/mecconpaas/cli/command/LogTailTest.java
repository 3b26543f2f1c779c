package org.mecconpaas.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogTailTest {

  @Test
  void repeatedLinesAreMatchedAsARunNotOneByOne() {
    LogTail tail = new LogTail();

    assertEquals(List.of("ping", "ping", "pong"), tail.newLines("ping\nping\npong\n"));
    // The window moved by one: "ping" fell out; the overlap is "ping pong", not the last "ping".
    assertEquals(List.of("ping"), tail.newLines("ping\npong\nping\n"));
    assertEquals(List.of(), tail.newLines("ping\npong\nping\n"));
  }

  @Test
  void withoutOverlapEverythingIsNew() {
    LogTail tail = new LogTail();
    tail.newLines("a\nb\n");

    // More lines came than the tail holds, or the instance started a new log.
    assertEquals(List.of("x", "y"), tail.newLines("x\ny\n"));
  }

  @Test
  void carriageReturnsAndUnfinishedLinesAreNotPrinted() {
    LogTail tail = new LogTail();

    assertEquals(List.of("one"), tail.newLines("one\r\ntw"));
    assertEquals(List.of("two", ""), tail.newLines("one\r\ntwo\n\n"));
  }
}

package org.mecconpaas.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCellAndLinesHaveNoTrailingBlanks() {
    StringWriter text = new StringWriter();
    new Table("A", "LONG HEADER", "C")
        .row("wide cell", "x", null)
        .row("y", "z", "")
        .print(new PrintWriter(text));

    assertEquals(
        "A          LONG HEADER  C\n" + "wide cell  x            -\n" + "y          z\n",
        text.toString());
  }

  @Test
  void tooManyCellsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Table("A").row("1", "2"));
  }
}

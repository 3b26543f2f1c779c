package org.mecconpaas.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One object as "label: value" lines with the values lined up, for the {@code show} commands. */
public final class Details {

  private record Line(String label, String value) {}

  private final List<Line> lines = new ArrayList<>();

  /** Adds a line; {@code null} values print as "-". */
  public Details add(String label, String value) {
    lines.add(new Line(label, value == null ? "-" : value));
    return this;
  }

  public void print(PrintWriter out) {
    int width = lines.stream().mapToInt(line -> line.label().length()).max().orElse(0);
    for (Line line : lines) {
      String label = line.label() + ":";
      // width + 1 for the colon, then two spaces, as between table columns.
      out.println(label + " ".repeat(width + 3 - label.length()) + line.value());
    }
    out.flush();
  }
}
